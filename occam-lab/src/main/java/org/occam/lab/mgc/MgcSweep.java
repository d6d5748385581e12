package org.occam.lab.mgc;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.Order;
import org.occam.data.Split;
import org.occam.data.TrainTest;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.LrSweepPages;
import org.occam.lab.seeds.SeedRuns;
import org.occam.lab.seeds.Seeds;
import org.occam.measure.margin.MarginGc;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Evaluation;
import org.occam.train.MetricsSink;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.StopCondition;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;
import org.occam.lab.report.Rates;

/**
 * MGC-1 of METHODS §11 (the margin-based GC bound, METHODS §7.3): an MLP trained with SGD and
 * cross-entropy on a small digits (or MNIST) training set whose labels are true, partly
 * corrupted or random, at a few learning rates and seeds, each run until every training example
 * is fitted and the training loss reaches a target. At the end: GC of the logits over the
 * training set, γ = the 10th-percentile training margin, GC/γ², and the generalisation gap
 * (train accuracy − test accuracy on the true test labels). Claims: random labels give much
 * larger GC/γ², and across runs GC/γ² rank-correlates with the gap ({@link MgcClaims}).
 */
public final class MgcSweep {

    /**
     * The sweep's settings.
     *
     * @param data        digits (the embedded 8x8 digits) or mnist (from the cache)
     * @param model       an MLP spec matching the data (64 or 784 inputs, 10 outputs)
     * @param samples     training rows (the first rows of the training split)
     * @param corruptions label corruption per group: 0 true labels, c in (0, 1) a fraction c of
     *                    labels replaced by a wrong class, 1 random labels (uniform over the classes)
     * @param lrs         SGD learning rates
     * @param seeds       seeds (initialization, batch order and corruption)
     * @param batchSize   SGD batch size
     * @param lossTarget  stop once training accuracy is 100 % and the mean training loss is at most this
     * @param maxSteps    the step limit of a run
     * @param every       record GC, γ and GC/γ² every this many steps
     * @param quantile    the level of γ's training-margin quantile
     */
    public record Settings(String data, String model, int samples, double[] corruptions, double[] lrs, long[] seeds,
                           int batchSize, double lossTarget, int maxSteps, int every, double quantile) implements Serializable {
        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            if (!data.equals("digits") && !data.equals("mnist")) {
                throw new IllegalArgumentException("MGC-1 data must be digits or mnist, got '" + data + "'");
            }
            if (samples < 10 || batchSize < 1 || maxSteps < 1 || every < 1 || !(lossTarget > 0) || corruptions.length == 0
                    || lrs.length == 0 || seeds.length == 0 || !(quantile > 0 && quantile < 1)) {
                throw new IllegalArgumentException("MGC-1 needs samples >= 10, batch size, steps, every >= 1, a loss target"
                        + " > 0, a quantile in (0, 1) and at least one corruption, rate and seed");
            }
            for (double c : corruptions) {
                if (!(c >= 0 && c <= 1)) {
                    throw new IllegalArgumentException("label corruptions must be in [0, 1], got " + c);
                }
            }
        }

        /**
         * The default model of a data set.
         *
         * @param data the data set
         * @return the model spec
         */
        public static String defaultModel(String data) {
            return data.equals("mnist") ? "mlp:784-256-10:relu" : "mlp:64-256-10:relu";
        }

        /**
         * 500 digits; true, 20 % and 50 % wrong, and random labels; h ∈ {0.2, 0.5}; seed 0; batch 50; loss target 0.05.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings("digits", defaultModel("digits"), 500, new double[] {0, 0.2, 0.5, 1}, new double[] {0.2, 0.5},
                    new long[] {0}, 50, 0.05, 8000, 250, MarginGc.DEFAULT_LEVEL);
        }

        /**
         * {@code --quick}: 60 digits, mlp:64-32-10:relu, true and random labels, h = 0.5, 400 steps at most.
         *
         * @return the settings
         */
        public static Settings quick() {
            return new Settings("digits", "mlp:64-32-10:relu", 60, new double[] {0, 1}, new double[] {0.5}, new long[] {0}, 20,
                    0.05, 400, 100, MarginGc.DEFAULT_LEVEL);
        }

        /**
         * The same settings for one seed (data corruption and initialization).
         *
         * @param s the seed
         * @return the settings
         */
        public Settings withSeed(long s) {
            return new Settings(data, model, samples, corruptions, lrs, new long[] {s}, batchSize, lossTarget, maxSteps, every,
                    quantile);
        }

        /**
         * The first seed (for reports).
         *
         * @return the seed
         */
        public long seed() {
            return seeds[0];
        }
    }

    /**
     * One run.
     *
     * @param corruption    the label corruption
     * @param lr            the learning rate
     * @param seed          the seed
     * @param steps         SGD steps taken
     * @param reached       whether the stopping rule (100 % and the loss target) was met
     * @param trainLoss     mean training loss at the end (on the training labels)
     * @param trainAccuracy training accuracy at the end
     * @param testAccuracy  test accuracy (true labels)
     * @param bound         GC, γ and GC/γ² at the end
     * @param curve         (step, GC, γ, GC/γ²) every {@code every} steps
     * @param seconds       wall time
     */
    public record Run(double corruption, double lr, long seed, long steps, boolean reached, double trainLoss,
                      double trainAccuracy, double testAccuracy, MarginGc bound, List<double[]> curve, double seconds) implements Serializable {
        /**
         * Train accuracy − test accuracy (= test error − train error).
         *
         * @return the gap
         */
        public double gap() {
            return trainAccuracy - testAccuracy;
        }

        /**
         * "true", "wrong 50%" or "random".
         *
         * @return the label corruption
         */
        public String labels() {
            return MgcSweep.labels(corruption);
        }

        /**
         * E.g. "random h = 0.5 s=1" ({@link Rates}).
         *
         * @return the label
         */
        public String label() {
            return labels() + " " + Rates.h(lr) + " s=" + seed;
        }
    }

    /**
     * One seed's runs (every corruption and rate).
     *
     * @param settings the settings it ran with
     * @param runs its runs, in order
     */
    public record Result(Settings settings, List<Run> runs) implements Serializable {
    }

    /** Check the stopping rule every this many steps. */
    static final int CHECK_EVERY = 25;

    /** Rows per evaluation pass. */
    private static final int EVAL_CHUNK = 4096;

    private MgcSweep() {
    }

    /**
     * MGC-1 over seeds; the claims are judged over seeds and the report written into dir.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     */
    public static Outcome reproduce(Settings s, Seeds seeds, boolean quick, Path dir, Consumer<String> log) {
        return SeedRuns.reproduce("MGC-1", s, seeds, quick, (seed, out) -> run(s.withSeed(seed), out), MgcClaims::of,
                (runs, claims) -> MgcSweepReport.write(runs, claims, quick, dir), log);
    }

    /**
     * Trains every (corruption, rate, seed) run of the settings, logging one line each.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Result run(Settings s, Consumer<String> log) {
        TrainTest data = load(s);
        Dataset clean = data.train().slice(0, Math.min(s.samples(), data.train().size()));
        Sequential model = Models.parse(s.model());
        List<Run> runs = new ArrayList<>();
        for (double c : s.corruptions()) {
            for (double h : s.lrs()) {
                for (long seed : s.seeds()) {
                    Run r = train(model, corrupt(clean, c, seed), data.test(), s, c, h, seed);
                    runs.add(r);
                    log.accept(String.format(Locale.ROOT, "%-22s %5d steps %s  train acc %.3f loss %.4f  test acc %.3f"
                            + "  gap %.3f  GC %.3f  gamma %.3f  GC/gamma^2 %.3f  [%.1fs]", r.label(), r.steps(),
                            r.reached() ? "(fitted)" : "(limit) ", r.trainAccuracy(), r.trainLoss(), r.testAccuracy(), r.gap(),
                            r.bound().gc(), r.bound().gamma(), r.bound().gcOverGamma2(), r.seconds()));
                }
            }
        }
        return new Result(s, runs);
    }

    /** "true" (0), "wrong NN%" (0 &lt; c &lt; 1) or "random" (1). */
    static String labels(double corruption) {
        return corruption == 0 ? "true" : corruption == 1 ? "random"
                : "wrong " + LrSweepPages.num(100 * corruption) + "%";
    }

    private static TrainTest load(Settings s) {
        if (s.data().equals("mnist")) {
            return new TrainTest(Datasets.mnist(Split.TRAIN), Datasets.mnist(Split.TEST));
        }
        return Datasets.digitsSplit();
    }

    /**
     * The training labels with corruption c: unchanged, a fraction c wrong, or all random (from stream
     * 4 of the seed, as the config system corrupts labels from {@code data.seed}).
     */
    static Dataset corrupt(Dataset train, double c, long seed) {
        Rng rng = Rng.seed(seed).split(4);
        return c == 0 ? train : c == 1 ? train.withRandomLabels(rng) : train.withLabelNoise(c, rng);
    }

    /**
     * SGD through the {@link Trainer} until 100 % training accuracy and the loss target (checked every
     * {@link #CHECK_EVERY} steps and at the limit, on the parameters before that step's update), a
     * non-finite loss, or the step limit; GC, γ and GC/γ² are recorded every {@code every} steps.
     */
    private static Run train(Sequential model, Dataset train, Dataset test, Settings s, double c, double h, long seed) {
        long t0 = System.nanoTime();
        Objective ce = Objective.crossEntropy(model);
        List<double[]> curve = new ArrayList<>();
        MetricsSink margins = row -> {
            if (row.get("gc") instanceof Number gc) {
                curve.add(new double[] {((Number) row.get("step")).doubleValue(), gc.doubleValue(),
                    ((Number) row.get("gamma")).doubleValue(), ((Number) row.get("gc_over_gamma2")).doubleValue()});
            }
        };
        TrainSpec spec = new TrainSpec(s.batchSize(), s.maxSteps(), Order.RESHUFFLE, seed, CHECK_EVERY, 0,
                Double.POSITIVE_INFINITY, EVAL_CHUNK);
        Trainer.Result result = Trainer.run(new Trainer.Setup(model, model.init(Rng.seed(seed), DType.FLOAT32), ce, train,
                null, new Sgd(), LearningRateRule.of(Schedule.constant(h)), spec, List.of(marginMonitor(model, train, s)),
                margins, null).withStop(StopCondition.trainAccuracy(1).and(StopCondition.trainLoss(s.lossTarget()))));
        long step = result.status().step();
        boolean reached = result.status().state() == RunStatus.State.STOPPED;
        Params p = result.params();
        MarginGc bound = MarginGc.measure(model, p, train, s.quantile());
        if (curve.isEmpty() || curve.getLast()[0] != step) {
            curve.add(new double[] {step, bound.gc(), bound.gamma(), bound.gcOverGamma2()});
        }
        Evaluation.Result fit = Evaluation.evaluate(model, ce, p, train, EVAL_CHUNK);
        double testAcc = Evaluation.evaluate(model, ce, p, test, EVAL_CHUNK).accuracy();
        return new Run(c, h, seed, step, reached, fit.loss(), fit.accuracy(), testAcc, bound, curve,
                (System.nanoTime() - t0) / 1e9);
    }

    /** GC, γ and GC/γ² of the logits over the training set every {@code every} steps. */
    private static Monitor marginMonitor(Sequential model, Dataset train, Settings s) {
        return Monitor.of(s.every(), ctx -> {
            MarginGc g = MarginGc.measure(model, ctx.params(), train, s.quantile());
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("gc", g.gc());
            row.put("gamma", g.gamma());
            row.put("gc_over_gamma2", g.gcOverGamma2());
            return row;
        });
    }
}
