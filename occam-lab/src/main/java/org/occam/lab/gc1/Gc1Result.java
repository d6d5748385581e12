package org.occam.lab.gc1;

import java.util.List;
import org.occam.lab.claim.ClaimResult;

/**
 * GC-1's runs and claims.
 *
 * @param setting the setting as name/value pairs
 * @param runs    every run (each distinct configuration once per seed; the baseline serves all four sweeps)
 * @param claims  the claims judged over seeds
 * @param seconds wall time of the whole reproduction
 */
public record Gc1Result(Gc1Setting setting, List<Gc1Run> runs, List<ClaimResult> claims, double seconds) {
    /**
     * The run of a configuration and seed.
     *
     * @param seed the seed of the random draws
     * @param c the configuration
     * @return the run
     * @throws IllegalStateException when the result has no such run
     */
    public Gc1Run find(Gc1Config c, long seed) {
        for (Gc1Run r : runs) {
            if (r.config().equals(c) && r.seed() == seed) {
                return r;
            }
        }
        throw new IllegalStateException("no GC-1 run for " + c.label() + ", seed " + seed);
    }
}
