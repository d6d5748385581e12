package org.occam.lab.sgd3;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;
import org.occam.lab.claim.Interval;
import org.occam.lab.claim.IntervalMethod;
import org.occam.lab.claim.SeedStatistics;

/**
 * The SGD-3 claims, each over seeds with the three arms of a seed paired (same initialization
 * and data): the large batch generalizes worse; the regularizer raises the large batch's test
 * accuracy; the fraction of the gap it recovers, mean(acc_reg − acc_large)/mean(acc_small −
 * acc_large), is positive (paired bootstrap, {@link PairedRatio}); the large batch ends sharper,
 * and the regularizer lowers its λ_max.
 */
public final class Sgd3Claims {
    private Sgd3Claims() {
    }

    /**
     * The claims on the runs of a setting, with the test set's size for the accuracy resolution.
     *
     * @param runs its runs, in order
     * @param s the settings
     * @param testSize the test set's size (the accuracy resolution)
     * @return the judged claims
     */
    public static List<ClaimResult> of(List<Sgd3Run> runs, Sgd3Setting s, int testSize) {
        double oneImage = 1.0 / testSize;
        double[] small = values(runs, s, Arm.SMALL, Sgd3Run::testAccuracy);
        double[] large = values(runs, s, Arm.LARGE, Sgd3Run::testAccuracy);
        double[] reg = values(runs, s, Arm.LARGE_REGULARIZED, Sgd3Run::testAccuracy);
        double[] gap = minus(small, large);
        double[] recovered = minus(reg, large);
        List<ClaimResult> out = new ArrayList<>();
        out.add(Claim.of("SGD-3 large batch worse", "the large batch generalizes worse than the small batch (same eps,"
                        + " epochs)", "test accuracy, small batch minus large batch, same seed", Direction.INCREASE, 0,
                oneImage).test(gap));
        out.add(Claim.of("SGD-3 regularizer helps", "the micro-batch regularizer raises the large batch's test accuracy",
                "test accuracy, large batch + regularizer minus large batch, same seed", Direction.INCREASE, 0, oneImage)
                .test(recovered));
        out.add(fraction(recovered, gap, oneImage));
        double[] sharpSmall = values(runs, s, Arm.SMALL, r -> Math.log10(r.atEnd().sharpness()));
        double[] sharpLarge = values(runs, s, Arm.LARGE, r -> Math.log10(r.atEnd().sharpness()));
        double[] sharpReg = values(runs, s, Arm.LARGE_REGULARIZED, r -> Math.log10(r.atEnd().sharpness()));
        out.add(Claim.of("SGD-3 large batch sharper", "the large batch ends at a sharper minimum (higher lambda_max)",
                "log10 lambda_max, large batch minus small batch, same seed", Direction.INCREASE, 0, 0)
                .test(minus(sharpLarge, sharpSmall)));
        out.add(Claim.of("SGD-3 regularizer flattens", "the regularizer lowers the large batch's lambda_max",
                "log10 lambda_max, large batch + regularizer minus large batch, same seed", Direction.DECREASE, 0, 0)
                .test(minus(sharpReg, sharpLarge)));
        return out;
    }

    /**
     * The recovered fraction with its paired bootstrap interval; its resolution is one test image
     * as a fraction of the mean gap.
     */
    static ClaimResult fraction(double[] recovered, double[] gap, double oneImage) {
        double f = PairedRatio.of(recovered, gap);
        double meanGap = Math.abs(SeedStatistics.mean(gap));
        Claim c = new Claim("SGD-3 fraction recovered", "the regularizer recovers a measurable part of the large-batch gap",
                "mean(acc_reg - acc_large) / mean(acc_small - acc_large) over seeds", Direction.INCREASE, 0,
                meanGap > 0 ? oneImage / meanGap : Double.POSITIVE_INFINITY, 0, IntervalMethod.BOOTSTRAP);
        Interval ci = PairedRatio.bootstrap(recovered, gap, Claim.LEVEL);
        return new ClaimResult(c, f, ci, recovered.length, c.verdict(f, ci), recovered.clone(), new double[0]);
    }

    private static double[] values(List<Sgd3Run> runs, Sgd3Setting s, Arm arm, ToDoubleFunction<Sgd3Run> v) {
        double[] out = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            final long sd = seed;
            out[seed] = v.applyAsDouble(runs.stream().filter(r -> r.seed() == sd && r.arm() == arm).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no SGD-3 run for seed " + sd + ", " + arm.words())));
        }
        return out;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }
}
