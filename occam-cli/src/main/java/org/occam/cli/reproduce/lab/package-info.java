/**
 * Report pages of the claim-judged reproductions of occam-lab (sgd-2, sgd-3, gc-1): the shared
 * folder writer {@link org.occam.cli.reproduce.lab.ClaimPages} (setting, claim table, one error-bar
 * chart per claim, results.csv) and one class per reproduction with its setting, run rows and charts.
 */
package org.occam.cli.reproduce.lab;
