/**
 * Claims judged as evidence (METHODS §11, item 4): a {@link org.occam.lab.claim.Claim} names the
 * expected direction and the statistic, is evaluated over seeds, and yields a
 * {@link org.occam.lab.claim.ClaimResult} with the effect size, a 95 % interval, n, the resolution
 * of the measurement and a {@link org.occam.lab.claim.Verdict}: supported, contradicted or
 * inconclusive, never a sign alone. See {@code docs/claims.md}.
 */
package org.occam.lab.claim;
