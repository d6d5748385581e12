package org.occam.lab.mm;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.occam.data.Synthetic;
import org.occam.lab.claim.Outcome;
import org.occam.lab.seeds.SeedRuns;
import org.occam.lab.seeds.Seeds;
import org.occam.maxmargin.Angles;
import org.occam.maxmargin.HardMarginSvm;
import org.occam.maxmargin.LinearDescent;
import org.occam.maxmargin.LinearLoss;
import org.occam.maxmargin.LinfMaxMargin;
import org.occam.maxmargin.Norm;
import org.occam.maxmargin.Separable;
import org.occam.tensor.Rng;

/**
 * MM-1 (docs/max-margin.md): on random linearly separable data through the origin, GD from w₀ = 0
 * with a fixed step η = 1/max‖x_i‖² turns towards the exact hard-margin SVM direction with
 * angle ∝ 1/ln t, for the logistic and the exponential loss (Soudry et al. 2018; Ji &amp; Telgarsky
 * 2019); ℓ∞ steepest descent (sign descent scaled by ‖∇L‖₁, loss-scaled steps η_t = 1/(B²L), B =
 * max‖x_i‖₁, on the exponential loss; Gunasekar et al. 2018) turns towards the exact ℓ∞-margin
 * direction instead. Angles are recorded at t = 2^k; the rate is fitted over t ≥ 2^windowLog2.
 */
public final class MaxMarginSweep {

    /**
     * The run's settings.
     *
     * @param samples    points per data set
     * @param dim        features
     * @param dataMargin the gap each point keeps from the generating hyperplane
     * @param steps      GD and sign-descent steps
     * @param windowLog2 the rate window starts at t = 2^windowLog2
     * @param seed       the data seed
     */
    public record Settings(int samples, int dim, double dataMargin, long steps, int windowLog2, long seed) implements Serializable {
        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            if (samples < 1 || dim < 2) {
                throw new IllegalArgumentException("MM-1: --samples must be >= 1 and --dim >= 2, got " + samples + " and "
                        + dim);
            }
            if (!(dataMargin >= 0) || windowLog2 < 1) {
                throw new IllegalArgumentException("MM-1: the data margin must be >= 0 and the window start 2^w needs w >= 1,"
                        + " got " + dataMargin + " and " + windowLog2);
            }
            if (steps < 4L << windowLog2) {
                throw new IllegalArgumentException("MM-1: --steps must be at least " + (4L << windowLog2) + " (4 times the"
                        + " start 2^" + windowLog2 + " of the fitted window), got " + steps);
            }
        }

        /**
         * 5 points in 8-D (gap 0.1; the over-parameterized regime n &lt; d, where most or all points are support
         * vectors), 2^22 steps, the fits over t ≥ 2^12 (the last 10 octaves). Why n &lt; d: Soudry et al.'s
         * asymptotics start once t ≫ exp(1/δ), δ the relative margin gap of the nearest non-support point, which
         * for 16 points in 5-D is beyond 2^22 steps; and with as many active points as dimensions the ℓ2 and ℓ∞
         * directions coincide (always in 2-D), which leaves nothing to tell the geometries apart.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings(5, 8, 0.1, 1L << 22, 12, 0);
        }

        /**
         * {@code --quick}: 4 points in 6-D, 2^12 steps, window from 2^6.
         *
         * @return the settings
         */
        public static Settings quick() {
            return new Settings(4, 6, 0.1, 1L << 12, 6, 0);
        }

        /**
         * The same settings with another data seed.
         *
         * @param s the seed
         * @return the settings
         */
        public Settings withSeed(long s) {
            return new Settings(samples, dim, dataMargin, steps, windowLog2, s);
        }
    }

    /**
     * One seed.
     *
     * @param settings     the settings
     * @param svmMargin    the exact ℓ2 max margin
     * @param linfMargin   the exact ℓ∞ max margin
     * @param linfUnique   whether the ℓ∞-margin direction is unique
     * @param steps        the recorded steps t = 2^k (and the last)
     * @param logistic     GD, logistic loss: angle to the SVM direction at each recorded step
     * @param exponential  GD, exponential loss: the same
     * @param sign         ℓ∞ steepest descent: angle to the ℓ∞-margin direction
     * @param signToSvm    ℓ∞ steepest descent: angle to the SVM direction
     * @param gdToLinf     GD (logistic): angle to the ℓ∞-margin direction
     * @param logisticFit  rate fits of the logistic curve
     * @param exponentialFit rate fits of the exponential curve
     * @param seconds      wall time of the seed
     */
    public record Result(Settings settings, double svmMargin, double linfMargin, boolean linfUnique, long[] steps,
                         double[] logistic, double[] exponential, double[] sign, double[] signToSvm, double[] gdToLinf,
                         MaxMarginTrends logisticFit, MaxMarginTrends exponentialFit, double seconds) implements Serializable {
    }

    private MaxMarginSweep() {
    }

    /**
     * MM-1 over seeds (one data set each); claims judged over seeds, report written into dir.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     */
    public static Outcome reproduce(Settings s, Seeds seeds, boolean quick, Path dir, Consumer<String> log) {
        return SeedRuns.reproduce("MM-1", s, seeds, quick, (seed, out) -> run(s.withSeed(seed), out), MaxMarginClaims::of,
                (runs, claims) -> MaxMarginReport.write(runs, claims, quick, dir), log);
    }

    /**
     * One seed: the exact solutions, three descents, the angles and the fits.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Result run(Settings s, Consumer<String> log) {
        long t0 = System.nanoTime();
        Separable data = Separable.of(Synthetic.linearlySeparable(s.samples(), s.dim(), s.dataMargin(), Rng.seed(s.seed())));
        HardMarginSvm.Solution svm = HardMarginSvm.solve(data);
        LinfMaxMargin.Solution linf = LinfMaxMargin.solve(data);
        double eta2 = 1 / LinearDescent.dualRadiusSquared(data, Norm.L2);
        double etaInf = 1 / LinearDescent.dualRadiusSquared(data, Norm.LINF);
        LinearDescent.Trace log2 = LinearDescent.run(data, new LinearDescent.Settings(LinearLoss.LOGISTIC, Norm.L2, eta2,
                LinearDescent.StepRule.FIXED, s.steps()));
        LinearDescent.Trace exp2 = LinearDescent.run(data, new LinearDescent.Settings(LinearLoss.EXPONENTIAL, Norm.L2, eta2,
                LinearDescent.StepRule.FIXED, s.steps()));
        LinearDescent.Trace sign = LinearDescent.run(data, new LinearDescent.Settings(LinearLoss.EXPONENTIAL, Norm.LINF,
                etaInf, LinearDescent.StepRule.LOSS_SCALED, s.steps()));
        long[] steps = log2.steps();
        double[] aLog = angles(log2, svm.w());
        double[] aExp = angles(exp2, svm.w());
        double[] aSign = angles(sign, linf.w());
        double[] aSignSvm = angles(sign, svm.w());
        double[] aGdLinf = angles(log2, linf.w());
        long window = 1L << s.windowLog2();
        Result r = new Result(s, svm.margin(), linf.margin(), linf.unique(), steps, aLog, aExp, aSign, aSignSvm, aGdLinf,
                MaxMarginTrends.of(steps, log2.iterates(), svm.w(), window),
                MaxMarginTrends.of(steps, exp2.iterates(), svm.w(), window),
                (System.nanoTime() - t0) / 1e9);
        int n = steps.length - 1;
        log.accept(String.format(Locale.ROOT, "%d points in %d-D, %d support vectors, l2 margin %.4f, l-inf margin %.4f%s;"
                + " after %d steps: angle to the SVM %.2e (logistic: d c/d ln t = %.4f, |rho_perp| ratio %.3f) %.2e"
                + " (exponential: %.4f, %.3f); sign descent: angle to the l-inf direction %.2e, to the SVM %.2e; %.1f s",
                s.samples(), s.dim(), svm.support().length, svm.margin(), linf.margin(), linf.unique() ? "" : " (not unique)",
                steps[n], aLog[n], r.logisticFit().slope(), r.logisticFit().perpRatio(), aExp[n],
                r.exponentialFit().slope(), r.exponentialFit().perpRatio(), aSign[n], aSignSvm[n], r.seconds()));
        return r;
    }

    private static double[] angles(LinearDescent.Trace tr, double[] target) {
        return tr.iterates().stream().mapToDouble(w -> Angles.between(w, target)).toArray();
    }
}
