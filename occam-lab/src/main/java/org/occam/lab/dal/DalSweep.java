package org.occam.lab.dal;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.TrainTest;
import org.occam.lab.claim.Outcome;
import org.occam.lab.eos.EosSweep;
import org.occam.lab.report.LrSweepCurves;
import org.occam.lab.report.LrSweepPages;
import org.occam.lab.seeds.SeedRuns;
import org.occam.lab.seeds.Seeds;
import org.occam.lr.DriftAdaptiveLearningRate;
import org.occam.lr.DriftAdaptiveMetrics;
import org.occam.lr.EdgeOfStability;
import org.occam.lr.EdgeOfStabilityMonitor;
import org.occam.lr.HessianGradient;
import org.occam.lr.LossSpikes;
import org.occam.lr.StepLoss;
import org.occam.measure.GradientStats;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.Trainer;

/**
 * DAL-1 of METHODS §11 (METHODS §4.2): the EOS-1 setup (full-batch GD, tanh MLP, squared error
 * on one-hot digits summed over the outputs, {@link EosSweep#squaredError}) with the drift-adjusted
 * learning rate, v_t = ‖Hg‖/‖g‖, for p ∈ {0.75, 1, 1.5, 2} (p = 0 would be plain GD at the base rate)
 * with exact Hessian-vector products, plus p = 1 with the reference finite difference (step length
 * 0.01). By default v is <b>normalised</b> by its value at the start (METHODS §11 DAL-1, "say which"):
 * h_t = clip(h_base/(v_t/v_0)^p, 0, h_max), scale-free, every p starting at the base rate; with
 * {@code normalized = false} the reference h_t = clip(2/v_t^p, 0, h_max). Records the effective h_t,
 * the number of loss spikes, final train and test loss, λ_max against 2/h_t every k steps, and an
 * independent measurement of v (by {@link GradientStats#driftRatio}) to check the p = 1 identity
 * (h_t·v_t = h_base·v_0 normalised, h_t = 2/v_t otherwise).
 */
public final class DalSweep {

    /**
     * The sweep's settings.
     *
     * @param model   a tanh MLP spec with 64 inputs and 10 outputs
     * @param samples training rows (the first rows of the digits training split); the test split is used whole
     * @param powers  the exponents p
     * @param baseLr  the rate of p = 0 (plain GD)
     * @param maxLr   the cap h_max
     * @param steps   full-batch steps per run
     * @param every   measure λ_max and the independent v every this many steps
     * @param seed    initialization seed
     * @param normalized v_t/v_0 and the base rate (scale-free, the default) or the reference 2/v_t^p
     */
    public record Settings(String model, int samples, double[] powers, double baseLr, double maxLr, int steps, int every,
                           long seed, boolean normalized) implements Serializable {
        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            if (samples < 1 || steps < 1 || every < 1 || powers.length == 0 || !(baseLr > 0) || !(maxLr > 0)) {
                throw new IllegalArgumentException("DAL-1 needs samples, steps, every >= 1, a power, and positive rates");
            }
        }

        /**
         * 600 digits, mlp:64-64-10:tanh, p ∈ {0.75, 1, 1.5, 2} (METHODS §11), normalised v, base 0.06 (the
         * p = 0 run and every p's first step), cap 5 (the reference's), 2000 steps, checks every 25.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings("mlp:64-64-10:tanh", 600, new double[] {0.75, 1, 1.5, 2}, 0.06, 5, 2000, 25, 0, true);
        }

        /**
         * {@code --quick}: 60 digits, mlp:64-8-10:tanh, p ∈ {1, 2}, normalised v, 20 steps, checks every 5.
         *
         * @return the settings
         */
        public static Settings quick() {
            return new Settings("mlp:64-8-10:tanh", 60, new double[] {1, 2}, 0.05, 5, 20, 5, 0, true);
        }

        /**
         * The same settings with another initialization seed.
         *
         * @param s the seed
         * @return the settings
         */
        public Settings withSeed(long s) {
            return new Settings(model, samples, powers, baseLr, maxLr, steps, every, s, normalized);
        }

        /**
         * The p = 1 rate for drift v: h_base·v_0/v normalised, 2/v otherwise.
         *
         * @param v the drift ratio v_t
         * @param initialDrift v_0
         * @return h_t
         */
        public double powerOneRate(double v, double initialDrift) {
            return normalized ? baseLr * initialDrift / v : 2 / v;
        }
    }

    /**
     * One run.
     *
     * @param power      p
     * @param hvp        "exact" or the finite-difference description
     * @param status     how it ended
     * @param rows       the trainer's rows: loss, lr, dal_lr, drift_ratio every step; sharpness, drift_check every k
     * @param medianLr   median h_t over the steps
     * @param meanLr     mean h_t
     * @param capped     fraction of steps at the cap
     * @param spikes     loss spikes (loss above twice its running minimum, counted per episode)
     * @param rises      steps at which the loss rose
     * @param trainLoss  final training loss (NaN if diverged)
     * @param testLoss   final test loss
     * @param testAccuracy final test accuracy
     * @param edgeCheck  max relative |h_t − h(v_t)| with v_t measured independently, over uncapped
     *                   measured steps, h(v) = 2/v or h_base·v_0/v normalised (meaningful for p = 1)
     * @param initialDrift v_0, the drift ratio at the first step (NaN when not normalised)
     * @param eos        λ_max against 2/h_t
     * @param seconds    wall time
     */
    public record Run(double power, String hvp, RunStatus status, List<Map<String, Object>> rows, double medianLr,
                      double meanLr, double capped, int spikes, int rises, double trainLoss, double testLoss,
                      double testAccuracy, double edgeCheck, double initialDrift, EdgeOfStability eos, double seconds) implements Serializable {
        /**
         * The run's label in tables and charts.
         *
         * @return the label
         */
        public String label() {
            return "p=" + LrSweepPages.num(power) + (hvp.equals("exact") ? "" : " " + hvp);
        }

        /**
         * Whether the run diverged.
         *
         * @return whether it diverged
         */
        public boolean diverged() {
            return status.state() != RunStatus.State.COMPLETED;
        }
    }

    /**
     * One seed's runs: every p from the same initialization, and p = 1 by finite difference.
     *
     * @param settings the settings it ran with
     * @param runs its runs, in order
     */
    public record Result(Settings settings, List<Run> runs) implements Serializable {
    }

    private DalSweep() {
    }

    /**
     * DAL-1 over seeds; the claims are judged over seeds and the report written into dir.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     */
    public static Outcome reproduce(Settings s, Seeds seeds, boolean quick, Path dir, Consumer<String> log) {
        return SeedRuns.reproduce("DAL-1", s, seeds, quick, (seed, out) -> run(s.withSeed(seed), out), DalClaims::of,
                (runs, claims) -> DalSweepReport.write(runs, claims, quick, dir), log);
    }

    /**
     * One seed: DAL-p for every p (exact HVPs) and p = 1 by finite difference, from the same initialization.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Result run(Settings s, Consumer<String> log) {
        TrainTest split = Datasets.digitsSplit();
        Dataset train = EosSweep.digitsOneHot(split.train(), s.samples());
        Dataset test = EosSweep.digitsOneHot(split.test(), Integer.MAX_VALUE);
        Sequential model = Models.parse(s.model());
        Objective mse = EosSweep.squaredError(model);
        List<Run> runs = new ArrayList<>();
        for (double p : s.powers()) {
            runs.add(train(s, model, mse, train, test, p, HessianGradient.exact(), log));
        }
        runs.add(train(s, model, mse, train, test, 1, HessianGradient.finiteDifference(), log));
        return new Result(s, runs);
    }

    private static Run train(Settings s, Sequential model, Objective mse, Dataset train, Dataset test, double p,
                             HessianGradient hg, Consumer<String> log) {
        long t0 = System.nanoTime();
        DriftAdaptiveLearningRate dal = DriftAdaptiveLearningRate.driftAdaptiveLearningRate(
                LearningRateRule.of(Schedule.constant(s.baseLr())), DriftAdaptiveLearningRate.Settings.of(p).withMaxLr(s.maxLr())
                        .withNormalized(s.normalized()),
                StepLoss.fullBatch(mse, train), hg);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Monitor> monitors = List.of(new DriftAdaptiveMetrics(dal), new EdgeOfStabilityMonitor(s.every(), train.size(), 20),
                driftCheck(s.every(), mse, train.all()));
        Trainer.Result r = Trainer.run(new Trainer.Setup(model, model.init(Rng.seed(s.seed()), DType.FLOAT32), mse, train, test,
                new Sgd(), dal, EosSweep.fullBatch(train.size(), s.steps(), s.seed()), monitors, rows::add, null));
        double[] lr = LrSweepCurves.curve(rows, "dal_lr").values();
        double[] loss = LrSweepCurves.curve(rows, "loss").values();
        double capped = 0;
        for (Map<String, Object> row : rows) {
            if (row.get("dal_lr") instanceof Number h && h.doubleValue() == s.maxLr() && p != 0) {
                capped++;
            }
        }
        boolean ok = r.status().state() == RunStatus.State.COMPLETED;
        Run run = new Run(p, hg.describe(), r.status(), rows, LrSweepCurves.median(lr), LrSweepCurves.mean(lr),
                lr.length == 0 ? 0 : capped / lr.length, LossSpikes.count(loss, LossSpikes.DEFAULT_FACTOR),
                LossSpikes.increases(loss), ok ? LrSweepCurves.finalValue(rows, "train_loss") : Double.NaN,
                ok ? LrSweepCurves.finalValue(rows, "test_loss") : Double.NaN,
                ok ? LrSweepCurves.finalValue(rows, "test_accuracy") : Double.NaN,
                p == 1 ? edgeCheck(rows, s, dal.initialDriftRatio()) : Double.NaN, dal.initialDriftRatio(),
                EdgeOfStability.fromRows(rows), (System.nanoTime() - t0) / 1e9);
        log.accept(String.format(Locale.ROOT, "%-12s %s h_t median %.3f (mean %.3f, %.0f%% capped)  spikes %d  rises %d"
                        + "  train %.4f  test %.4f (acc %.3f)  p=1 identity error %.1e  [%.1fs]", run.label(),
                run.diverged() ? "DIVERGED at " + r.status().step() : "", run.medianLr(), run.meanLr(), 100 * run.capped(),
                run.spikes(), run.rises(), run.trainLoss(), run.testLoss(), run.testAccuracy(), run.edgeCheck(), run.seconds()));
        return run;
    }

    /** drift_check: v = ‖Hg‖/‖g‖ of the full training loss, measured independently of the rule. */
    private static Monitor driftCheck(int every, Objective o, Batch all) {
        return Monitor.of(every, ctx -> Map.of("drift_check", GradientStats.driftRatio(q -> o.loss(q, all), ctx.params())));
    }

    /**
     * max |h_t − h(v_t)| / h(v_t) over the steps with an independent v and h_t below the cap, h(v) the
     * p = 1 rate ({@link Settings#powerOneRate}).
     */
    static double edgeCheck(List<Map<String, Object>> rows, Settings s, double initialDrift) {
        double worst = Double.NaN;
        for (Map<String, Object> r : rows) {
            if (r.get("drift_check") instanceof Number v && r.get("dal_lr") instanceof Number h
                    && r.get("dal_scaled") instanceof Number sc && sc.doubleValue() == 1 && h.doubleValue() < s.maxLr()) {
                double two = s.powerOneRate(v.doubleValue(), initialDrift);
                double err = Math.abs(h.doubleValue() - two) / two;
                worst = Double.isNaN(worst) ? err : Math.max(worst, err);
            }
        }
        return worst;
    }
}
