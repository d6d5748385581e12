package org.occam.lab.mt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.lab.report.LrSweepCurves;
import org.occam.lab.report.LrSweepPages;
import org.occam.multitask.Alignment;
import org.occam.multitask.ConflictRegularizer;
import org.occam.multitask.MultitaskGd;
import org.occam.multitask.TaskSchedule;
import org.occam.regularize.MultitaskConflict;
import org.occam.tensor.Tensor;
import org.occam.lab.report.Rates;

/**
 * MT-1's joint arm (METHODS §6, §11): per seed, full-batch GD on L_A + L_B over a sweep of h, every
 * run over the same gradient-flow time T, and two explicit-regularizer runs: the smallest rate with
 * the conflict regularizer at multiplier h_max/h_min − 1 (its conflict coefficient is then the
 * largest rate's, its flatness term the smallest rate's) and the largest rate with multiplier −1
 * (the implicit conflict term cancelled, the flatness term kept). Alignment is summarized as the
 * mean cosine over the window t ∈ [T/10, T] and as the cosine at equal joint loss; the trends are
 * judged over seeds by {@link Mt1Claims}.
 */
public final class Mt1Joint {

    /**
     * One joint run.
     *
     * @param label          e.g. "h=0.1" or "h=0.05 + conflict x7"
     * @param h              the rate
     * @param multiplier     the conflict regularizer's multiplier (0: plain GD)
     * @param result         the run
     * @param windowCosine   mean cos∠(∇L_A, ∇L_B) over t ∈ [T/10, T] (NaN if it diverged)
     * @param equalLoss      the cosine at each of the seed's loss levels
     * @param finalSharpness λ_max of L at the end
     * @param seconds        wall time
     */
    public record Run(String label, double h, double multiplier, MultitaskGd.Result result, double windowCosine,
                      double[] equalLoss, double finalSharpness, double seconds) {

        /**
         * The mean of the equal-loss cosines (NaN when a level was missed).
         *
         * @return the cosine
         */
        public double equalLossCosine() {
            for (double c : equalLoss) {
                if (Double.isNaN(c)) {
                    return Double.NaN;
                }
            }
            return LrSweepCurves.mean(equalLoss);
        }

        /**
         * The last record's joint loss.
         *
         * @return the joint loss
         */
        public double finalLoss() {
            return result.rows().getLast().metrics().jointLoss();
        }
    }

    /**
     * One seed's runs.
     *
     * @param seed      data and initialization seed
     * @param sweep     plain GD, one run per rate
     * @param boosted   the smallest rate with the largest rate's conflict coefficient
     * @param cancelled the largest rate with its conflict term cancelled
     * @param levels    the joint-loss levels of the equal-loss cosines
     */
    public record Seed(long seed, List<Run> sweep, Run boosted, Run cancelled, double[] levels) {

        /**
         * The window cosines of the sweep, one per rate.
         *
         * @return one cosine per rate
         */
        public double[] windowCosines() {
            return sweep.stream().mapToDouble(Run::windowCosine).toArray();
        }

        /**
         * The equal-loss cosines of the sweep, one per rate.
         *
         * @return one cosine per rate
         */
        public double[] equalLossCosines() {
            return sweep.stream().mapToDouble(Run::equalLossCosine).toArray();
        }
    }

    /**
     * All seeds of the arm.
     *
     * @param seeds the result of each seed
     * @param lrs the rates, ascending
     */
    public record Result(double[] lrs, List<Seed> seeds) {

        /**
         * The window cosine per rate, averaged over seeds.
         *
         * @return one mean per rate
         */
        public double[] meanWindowCosines() {
            return meanOverSeeds(seeds.stream().map(Seed::windowCosines).toList());
        }

        /**
         * The equal-loss cosine per rate, averaged over seeds.
         *
         * @return one mean per rate
         */
        public double[] meanEqualLossCosines() {
            return meanOverSeeds(seeds.stream().map(Seed::equalLossCosines).toList());
        }
    }

    private Mt1Joint() {
    }

    static Result run(Mt1.Settings s, List<Mt1.Problem> problems, Consumer<String> log) {
        List<Seed> seeds = new ArrayList<>();
        for (Mt1.Problem p : problems) {
            seeds.add(seed(s, p, log));
        }
        return new Result(s.lrs(), List.copyOf(seeds));
    }

    private static Seed seed(Mt1.Settings s, Mt1.Problem p, Consumer<String> log) {
        double[] lrs = s.lrs();
        double small = lrs[0];
        double big = lrs[lrs.length - 1];
        List<double[]> arms = new ArrayList<>();
        for (double h : lrs) {
            arms.add(new double[] {h, 0});
        }
        arms.add(new double[] {small, big / small - 1});
        arms.add(new double[] {big, -1});
        List<MultitaskGd.Result> raw = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (double[] a : arms) {
            long t0 = System.nanoTime();
            raw.add(train(s, p, a[0], a[1]));
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        double[] levels = levels(s, raw, arms);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            double h = arms.get(i)[0];
            double m = arms.get(i)[1];
            MultitaskGd.Result r = raw.get(i);
            long steps = s.steps(h);
            Run run = new Run(label(h, m), h, m, r, r.diverged() ? Double.NaN : Alignment.windowMean(r.rows(), steps / 10, steps),
                    Alignment.atLosses(r.rows(), levels), r.diverged() ? Double.NaN : Mt1.sharpness(p.joint(), r.params()),
                    seconds.get(i));
            runs.add(run);
            log.accept(String.format(Locale.ROOT, "seed %d %-26s %5d steps %sloss %.4g -> %.4g  cos: window mean %+.4f, at"
                    + " equal loss %+.4f, final %+.4f  h*lambda_max at end %.3f  [%.1fs]", p.seed(), run.label(), r.steps(),
                    r.diverged() ? "DIVERGED " : "", r.rows().getFirst().metrics().jointLoss(), run.finalLoss(),
                    run.windowCosine(), run.equalLossCosine(), r.rows().getLast().metrics().meanCosine(),
                    h * run.finalSharpness(), run.seconds()));
        }
        return new Seed(p.seed(), List.copyOf(runs.subList(0, lrs.length)), runs.get(lrs.length), runs.get(lrs.length + 1),
                levels);
    }

    static String label(double h, double multiplier) {
        String base = Rates.h(h);
        if (multiplier == 0) {
            return base;
        }
        return base + (multiplier == -1 ? ", conflict cancelled" : " + conflict x" + LrSweepPages.num(multiplier));
    }

    private static MultitaskGd.Result train(Mt1.Settings s, Mt1.Problem p, double h, double multiplier) {
        long steps = s.steps(h);
        int every = (int) Math.max(1, steps / s.records());
        MultitaskGd.Setup setup = MultitaskGd.Setup.gd(p.tasks(), TaskSchedule.joint(2), h, steps, every);
        if (multiplier != 0 || s.cancelSelf()) {
            setup = setup.withTerm(losses -> terms(losses, h, multiplier, s.cancelSelf()));
        }
        return MultitaskGd.run(setup, p.init());
    }

    /**
     * The explicit terms of one joint step: the conflict regularizer at {@code multiplier} (0: none)
     * and, with {@code cancelSelf}, −(h/4)Σ_k‖∇L_k‖², which cancels the self terms of GD's implicit
     * regularizer (h/4)‖∇L_A + ∇L_B‖² so that only its conflict part (h/2)⟨∇L_A, ∇L_B⟩ remains.
     */
    static Function<Params, Tensor> terms(List<Function<Params, Tensor>> losses, double h, double multiplier,
                                          boolean cancelSelf) {
        Function<Params, Tensor> conflict = multiplier != 0 ? ConflictRegularizer.term(losses, h, multiplier) : null;
        Function<Params, Tensor> self = cancelSelf ? MultitaskConflict.flatnessTerm(losses, -h) : null;
        return q -> conflict == null ? self.apply(q) : self == null ? conflict.apply(q) : conflict.apply(q).add(self.apply(q));
    }

    /**
     * Eight loss levels every finite run crosses: from the highest loss any run has at t = T/10 down
     * to just above the highest minimum loss.
     */
    private static double[] levels(Mt1.Settings s, List<MultitaskGd.Result> raw, List<double[]> arms) {
        double hi = 0;
        double lo = 0;
        for (int i = 0; i < raw.size(); i++) {
            MultitaskGd.Result r = raw.get(i);
            if (r.diverged()) {
                continue;
            }
            long start = s.steps(arms.get(i)[0]) / 10;
            for (MultitaskGd.Row row : r.rows()) {
                if (row.step() >= start) {
                    hi = Math.max(hi, row.metrics().jointLoss());
                    break;
                }
            }
            lo = Math.max(lo, Alignment.minLoss(r.rows()));
        }
        lo *= 1.01;
        return hi > lo ? Alignment.levels(hi, lo, 8) : new double[] {hi};
    }

    static double[] meanOverSeeds(List<double[]> perSeed) {
        double[] out = new double[perSeed.getFirst().length];
        for (double[] v : perSeed) {
            for (int i = 0; i < out.length; i++) {
                out[i] += v[i] / perSeed.size();
            }
        }
        return out;
    }
}
