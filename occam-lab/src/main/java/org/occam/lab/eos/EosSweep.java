package org.occam.lab.eos;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.Order;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.LrSweepCurves;
import org.occam.lab.seeds.SeedRuns;
import org.occam.lab.seeds.Seeds;
import org.occam.lr.EdgeOfStability;
import org.occam.lr.EdgeOfStabilityMonitor;
import org.occam.lr.LossSpikes;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;
import org.occam.lab.report.Rates;

/**
 * EOS-1 of METHODS §11 (edge of stability; METHODS §4.1): full-batch GD on a tanh MLP with the
 * squared error against one-hot targets, summed over the 10 outputs and averaged over samples
 * (10 × torch's {@code mse_loss}; see {@link #squaredError}), on the first {@code samples} rows
 * of the embedded digits, at a few learning rates. Every k steps the sharpness λ_max (Lanczos) is
 * measured next to 2/h. Expected: λ_max rises (progressive sharpening), then hovers within about
 * 10 % of 2/h, while the loss keeps falling, non-monotonically.
 */
public final class EosSweep {

    /**
     * The sweep's settings.
     *
     * @param model        a tanh MLP spec with 64 inputs and 10 outputs
     * @param samples      training rows (the first rows of the digits training split)
     * @param lrs          the learning rates h
     * @param steps        full-batch GD steps per rate
     * @param every        measure λ_max every this many steps
     * @param lanczosSteps Lanczos iterations per measurement
     * @param seed         initialization seed
     */
    public record Settings(String model, int samples, double[] lrs, int steps, int every, int lanczosSteps, long seed) implements Serializable {
        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            if (samples < 1 || steps < 1 || every < 1 || lanczosSteps < 2 || lrs.length == 0) {
                throw new IllegalArgumentException("EOS-1 needs samples, steps, every >= 1, lanczos steps >= 2 and a rate");
            }
            for (double h : lrs) {
                if (!(h > 0)) {
                    throw new IllegalArgumentException("learning rates must be positive, got " + h);
                }
            }
        }

        /**
         * 600 digits, mlp:64-64-10:tanh, h ∈ {0.05, 0.06, 0.07}, 3000 steps, λ_max every 20 steps.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings("mlp:64-64-10:tanh", 600, new double[] {0.05, 0.06, 0.07}, 3000, 20, 20, 0);
        }

        /**
         * {@code --quick}: 60 digits, mlp:64-8-10:tanh, h ∈ {0.05, 0.2}, 30 steps, λ_max every 10 steps.
         *
         * @return the settings
         */
        public static Settings quick() {
            return new Settings("mlp:64-8-10:tanh", 60, new double[] {0.05, 0.2}, 30, 10, 5, 0);
        }

        /**
         * The same settings with another initialization seed.
         *
         * @param s the seed
         * @return the settings
         */
        public Settings withSeed(long s) {
            return new Settings(model, samples, lrs, steps, every, lanczosSteps, s);
        }
    }

    /**
     * One rate's run.
     *
     * @param lr        h
     * @param status    how the run ended
     * @param rows      the trainer's metrics rows (loss every step, sharpness every k steps)
     * @param eos       the summary of λ_max against 2/h
     * @param firstLoss the loss at step 0
     * @param lastLoss  the training loss at the end
     * @param increases steps at which the loss rose
     * @param seconds   wall time
     */
    public record Run(double lr, RunStatus status, List<Map<String, Object>> rows, EdgeOfStability eos, double firstLoss,
                      double lastLoss, int increases, double seconds) implements Serializable {
        /**
         * The run's label in tables and charts.
         *
         * @return the label
         */
        public String label() {
            return Rates.h(lr);
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
     * One seed's runs, one per rate.
     *
     * @param settings the settings it ran with
     * @param runs its runs, in order
     */
    public record Result(Settings settings, List<Run> runs) implements Serializable {
    }

    /** A training loss above this ends a run as diverged (the loss at initialization is about 1). */
    static final double DIVERGENCE_BOUND = 100;

    private EosSweep() {
    }

    /**
     * EOS-1 over seeds: every seed runs every rate; the claims are judged over seeds and the report written into dir.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     */
    public static Outcome reproduce(Settings s, Seeds seeds, boolean quick, Path dir, Consumer<String> log) {
        return SeedRuns.reproduce("EOS-1", s, seeds, quick, (seed, out) -> run(s.withSeed(seed), out), EosClaims::of,
                (runs, claims) -> EosSweepReport.write(runs, claims, quick, dir), log);
    }

    /**
     * One seed: full-batch GD at every rate from the same initialization.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Result run(Settings s, Consumer<String> log) {
        Dataset train = digitsOneHot(Datasets.digitsSplit().train(), s.samples());
        Sequential model = Models.parse(s.model());
        Objective mse = squaredError(model);
        List<Run> runs = new ArrayList<>();
        for (double h : s.lrs()) {
            long t0 = System.nanoTime();
            List<Map<String, Object>> rows = new ArrayList<>();
            Monitor tracker = new EdgeOfStabilityMonitor(s.every(), train.size(), s.lanczosSteps());
            Trainer.Result r = Trainer.run(new Trainer.Setup(model, model.init(Rng.seed(s.seed()), DType.FLOAT32), mse, train,
                    null, new Sgd(), LearningRateRule.of(Schedule.constant(h)), fullBatch(train.size(), s.steps(), s.seed()),
                    List.of(tracker), rows::add, null));
            LrSweepCurves.Curve loss = LrSweepCurves.curve(rows, "loss");
            double last = r.status().state() == RunStatus.State.COMPLETED ? LrSweepCurves.finalValue(rows, "train_loss")
                    : Double.NaN;
            Run run = new Run(h, r.status(), rows, EdgeOfStability.fromRows(rows), loss.values()[0], last,
                    LossSpikes.increases(loss.values()), (System.nanoTime() - t0) / 1e9);
            runs.add(run);
            EdgeOfStability e = run.eos();
            log.accept(String.format(Locale.ROOT, "%-10s %s loss %.4f -> %.4f (%d rises)  lambda_max %.3f -> peak %.3f,"
                    + " 2/h = %.3f, reached at step %s, %.0f%% of later measurements within 10%%  [%.1fs]", run.label(),
                    run.diverged() ? "DIVERGED" : "", run.firstLoss(), last, run.increases(), e.initialSharpness(),
                    e.peakSharpness(), 2 / h, e.reachedEdge() ? Long.toString((long) e.arrivalStep()) : "never",
                    100 * e.fractionNearEdgeAfter(), run.seconds()));
        }
        return new Result(s, runs);
    }

    /**
     * The per-sample squared error summed over the outputs, averaged over samples: mean_i ‖f(x_i) −
     * y_i‖², i.e. {@code mse_loss} times the number of outputs. The sum over outputs keeps λ_max and
     * the drift ratio v above 1, the regime where DAL-p's exponent orders the rates (2/v^p falls
     * with p only when v &gt; 1: p ≠ 1 is not invariant to the loss scale, METHODS §10 pitfall 1).
     *
     * @param model the network
     * @return the objective
     */
    public static Objective squaredError(Sequential model) {
        Objective mse = Objective.mse(model);
        return (p, b) -> mse.loss(p, b).mul(b.targets().size(1));
    }

    /**
     * Full-batch GD in data-set order, no evaluation until the end, divergence above 100.
     *
     * @param n the number of rows
     * @param seed the seed of the random draws
     * @param steps the number of steps
     * @return the spec
     */
    public static TrainSpec fullBatch(int n, long steps, long seed) {
        return new TrainSpec(n, steps, Order.SEQUENTIAL, seed, 0, 0, DIVERGENCE_BOUND, 4096);
    }

    /**
     * The first {@code n} rows (all when n ≥ size) with one-hot regression targets next to the labels.
     *
     * @param d the data
     * @param n the number of rows
     * @return the data set
     */
    public static Dataset digitsOneHot(Dataset d, int n) {
        Dataset part = n >= d.size() ? d : d.slice(0, n);
        int[] y = part.y();
        int k = part.numClasses();
        double[] oneHot = new double[y.length * k];
        for (int i = 0; i < y.length; i++) {
            oneHot[i * k + y[i]] = 1;
        }
        return new Dataset(part.name() + "-onehot", part.x(), y, k, part.classNames(),
                Tensor.of(part.dtype(), oneHot, y.length, k));
    }
}
