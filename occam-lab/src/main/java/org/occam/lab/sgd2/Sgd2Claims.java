package org.occam.lab.sgd2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;
import org.occam.lab.claim.Effects;

/**
 * The SGD-2 claims, each judged over seeds (one value per seed, every seed running the whole grid):
 * runs with equal ε/B cluster, for GC, λ_max, test accuracy and ‖∇C‖² (log10(MS_within/MS_between)
 * &lt; 0, {@link RatioClusters}); and regularization grows with ε/B (the slopes of log10 GC and
 * log10 λ_max against log10(ε/B) are negative, at the end of the equal epochs and where the training
 * loss first reaches the setting's target; test accuracy rises).
 */
public final class Sgd2Claims {
    private Sgd2Claims() {
    }

    /**
     * The claims on the runs of a setting, with the test set's size for the accuracy resolution.
     *
     * @param runs its runs, in order
     * @param s the settings
     * @param testSize the test set's size (the accuracy resolution)
     * @return the judged claims
     */
    public static List<ClaimResult> of(List<Sgd2Run> runs, Sgd2Setting s, int testSize) {
        double oneImage = 1.0 / testSize;
        List<ClaimResult> out = new ArrayList<>();
        out.add(cluster(runs, s, "GC", r -> Math.log10(r.atEnd().gc()), "log10 GC"));
        out.add(cluster(runs, s, "lambda_max", r -> Math.log10(r.atEnd().sharpness()), "log10 lambda_max"));
        out.add(cluster(runs, s, "test acc", Sgd2Run::testAccuracy, "test accuracy"));
        out.add(cluster(runs, s, "|g|^2", r -> Math.log10(r.atEnd().gradNormSquared()), "log10 final |grad C|^2"));
        out.add(slope(runs, s, "SGD-2 GC(eps/B)", "GC falls as eps/B grows (stronger implicit regularization)",
                "slope of log10 GC at the end (equal epochs) against log10(eps/B) over the grid",
                r -> Math.log10(r.atEnd().gc()),
                Direction.DECREASE, 0, false));
        out.add(slope(runs, s, "SGD-2 lambda_max(eps/B)", "lambda_max falls as eps/B grows",
                "slope of log10 lambda_max at the end (equal epochs) against log10(eps/B)",
                r -> Math.log10(r.atEnd().sharpness()),
                Direction.DECREASE, 0, false));
        out.add(slope(runs, s, "SGD-2 GC(eps/B), equal loss", "at equal training loss, GC falls as eps/B grows",
                "slope of log10 GC at training loss " + s.lossTarget() + " against log10(eps/B) over the grid",
                r -> Math.log10(r.atTarget().gc()), Direction.DECREASE, 0, false));
        out.add(slope(runs, s, "SGD-2 lambda_max(eps/B), eq. loss", "at equal training loss, lambda_max falls as eps/B"
                        + " grows", "slope of log10 lambda_max at training loss " + s.lossTarget() + " against"
                        + " log10(eps/B) over the grid", r -> Math.log10(r.atTarget().sharpness()), Direction.DECREASE, 0,
                false));
        out.add(slope(runs, s, "SGD-2 test acc(eps/B)", "test accuracy rises with eps/B (Smith et al.: small eps/B"
                        + " generalizes worse)", "slope of test accuracy against log2(eps/B) over the grid",
                Sgd2Run::testAccuracy, Direction.INCREASE, oneImage, true));
        return out;
    }

    private static ClaimResult cluster(List<Sgd2Run> runs, Sgd2Setting s, String what, ToDoubleFunction<Sgd2Run> v,
                                       String value) {
        Claim c = Claim.of("SGD-2 clusters: " + what, "runs with equal eps/B cluster: " + value
                        + " spreads less within a ratio than between ratios",
                String.format(Locale.ROOT, "log10(MS_within / MS_between) of %s, %d ratios x %d batch sizes"
                        + " (one-way ANOVA; 0 = no clustering)", value, s.ratios().length, s.batchSizes().length),
                Direction.DECREASE, 0, 0);
        double[] perSeed = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            double[][] groups = new double[s.ratios().length][s.batchSizes().length];
            for (int i = 0; i < s.ratios().length; i++) {
                for (int j = 0; j < s.batchSizes().length; j++) {
                    groups[i][j] = v.applyAsDouble(find(runs, seed, s.ratios()[i], s.batchSizes()[j]));
                }
            }
            perSeed[seed] = RatioClusters.logWithinOverBetween(groups);
        }
        return c.test(perSeed);
    }

    private static ClaimResult slope(List<Sgd2Run> runs, Sgd2Setting s, String id, String statement, String statistic,
                                     ToDoubleFunction<Sgd2Run> v, Direction d, double resolution, boolean log2) {
        Claim c = Claim.of(id, statement, statistic, d, 0, resolution);
        double[] perSeed = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            final long sd = seed;
            List<Sgd2Run> mine = runs.stream().filter(r -> r.seed() == sd).toList();
            double[] x = mine.stream().mapToDouble(r -> log2 ? Math.log(r.ratio()) / Math.log(2) : Math.log10(r.ratio()))
                    .toArray();
            double[] y = mine.stream().mapToDouble(v).toArray();
            perSeed[seed] = allFinite(y) ? Effects.slope(x, y) : Double.NaN;
        }
        return c.test(perSeed);
    }

    private static Sgd2Run find(List<Sgd2Run> runs, long seed, double ratio, int b) {
        for (Sgd2Run r : runs) {
            if (r.seed() == seed && r.ratio() == ratio && r.batchSize() == b) {
                return r;
            }
        }
        throw new IllegalStateException("no SGD-2 run for seed " + seed + ", eps/B " + ratio + ", B " + b);
    }

    private static boolean allFinite(double[] y) {
        for (double v : y) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
