package org.occam.lab.nc;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.occam.autodiff.Params;
import org.occam.collapse.CollapseProbe;
import org.occam.collapse.Embeddings;
import org.occam.collapse.TransferStats;
import org.occam.data.Batches;
import org.occam.data.Dataset;
import org.occam.data.Order;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.LrSweepPages;
import org.occam.lab.seeds.SeedRuns;
import org.occam.lab.seeds.Seeds;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.regularize.GeometricComplexityPenalty;
import org.occam.regularize.L2Penalty;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Evaluation;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;
import org.occam.lab.report.Rates;

/**
 * NC-1 of METHODS §11 (GC and neural collapse in transfer, METHODS §7.4): pre-train a network with
 * SGD on the source classes 0–4 into the terminal phase (10× the steps to 100 % training accuracy),
 * varying one of the learning rate h, the batch size B, L2 and the GC penalty (on the penultimate
 * embedding) at a time around a base run; then measure the source GC of the penultimate embedding,
 * and embed the held-out target classes 5–9 for their CDNV and 5-shot nearest-class-centre accuracy.
 * Two settings ({@link NcData}): the paper's, a CNN on the embedded MNIST ({@link Settings#mnist()}),
 * and a small one, an MLP on the 8x8 digits ({@link Settings#defaults()}). Claims: lower source GC →
 * lower target CDNV → higher 5-shot accuracy, as Spearman correlations over each seed's runs,
 * judged over seeds ({@link NcClaims}).
 */
public final class NcSweep {

    /**
     * The sweep's settings.
     *
     * @param data          the data ({@link NcData}): {@code digits} (8x8 digits, flat) or {@code mnist} (the embedded
     *                      MNIST, NCHW for a CNN)
     * @param model         a model spec ({@link NcModel}) for that data, with one output per source class
     * @param sourceClasses the pre-training digits
     * @param targetClasses the held-out digits
     * @param baseLr        h of the base run
     * @param baseBatch     B of the base run
     * @param lrs           the rates of the h line (the base rate is added)
     * @param batches       the batch sizes of the B line (the base batch is added)
     * @param l2s           the L2 coefficients of the L2 line (the base has none)
     * @param gcCoefs       the GC-penalty coefficients α of the GC line (the base has none)
     * @param lossTarget    stop each run when the training cross-entropy reaches this (checked 4 times an
     *                      epoch); 0: train {@code maxEpochs} epochs, as a sweep does
     * @param maxEpochs     the most epochs per run
     * @param shots         k of k-shot transfer
     * @param episodes      few-shot episodes
     * @param seed          initialization, batch order and episode seed
     * @param terminalFactor the terminal phase (METHODS §11 NC-1): train this many times the steps to 100 %
     *                      training accuracy (checked at epoch ends); 0: stop at the loss target instead
     */
    public record Settings(String data, String model, int[] sourceClasses, int[] targetClasses, double baseLr, int baseBatch, double[] lrs,
                           int[] batches, double[] l2s, double[] gcCoefs, double lossTarget, int maxEpochs, int shots,
                           int episodes, long seed, double terminalFactor) implements Serializable {
        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            if (!NcData.known(data)) {
                throw new IllegalArgumentException(NcData.unknown(data));
            }
            // a bad --model, or one that does not take this data's layout, is refused here, before any run
            if (NcModel.takesFlatInputs(NcModel.parse(model)) != NcData.flat(data)) {
                throw new IllegalArgumentException("--model " + model + " takes " + (NcData.flat(data) ? "images [N, C, H, W]"
                        : "flat inputs [N, d]") + " but --data " + data + " gives " + (NcData.flat(data) ? "flat rows" : "NCHW images")
                        + "; use e.g. " + (NcData.flat(data) ? "mlp:64-128-128-5:tanh" : "cnn:1x28x28:16-32:64+5"));
            }
            if (!(terminalFactor >= 0) || terminalFactor > 0 && lossTarget > 0) {
                throw new IllegalArgumentException("NC-1 stops either at a loss target (--loss-target) or in the terminal"
                        + " phase (--terminal-factor), not both; got " + lossTarget + " and " + terminalFactor);
            }
            if (!(baseLr > 0) || baseBatch < 1 || maxEpochs < 1 || shots < 1 || episodes < 1 || !(lossTarget >= 0)) {
                throw new IllegalArgumentException("NC-1 needs a positive base rate, base batch, max epochs, shots and episodes,"
                        + " and a loss target >= 0");
            }
            if (sourceClasses.length < 2 || targetClasses.length < 2) {
                throw new IllegalArgumentException("NC-1 needs at least 2 source and 2 target classes");
            }
            positive("--lrs", lrs);
            positive("--l2s", l2s);
            positive("--gc-coefs", gcCoefs);
            for (int b : batches) {
                if (b < 1) {
                    throw new IllegalArgumentException("--batch-sizes: values must be positive, got " + b);
                }
            }
        }

        /**
         * mlp:64-128-128-5:tanh; base h = 0.1, B = 32; h ∈ {0.02, 0.05, 0.1, 0.2, 0.5}, B ∈ {8, 16, 32, 64, 128},
         * L2 ∈ {1e-4, 1e-3, 1e-2}, α ∈ {1e-4, 1e-3, 3e-3} (15 runs); each run into the terminal phase, 10× the
         * steps to 100 % training accuracy (at most 400 epochs); 5-shot over 100 episodes.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings("digits", "mlp:64-128-128-5:tanh", new int[] {0, 1, 2, 3, 4}, new int[] {5, 6, 7, 8, 9}, 0.1, 32,
                    new double[] {0.02, 0.05, 0.2, 0.5}, new int[] {8, 16, 64, 128}, new double[] {1e-4, 1e-3, 1e-2},
                    new double[] {1e-4, 1e-3, 3e-3}, 0, 400, 5, 100, 0, 10);
        }

        /**
         * {@code --quick}: mlp:64-8-8-5:tanh, one run per line (h 0.3, B 128, L2 1e-3, α 1e-3), 1 epoch, 3 episodes.
         *
         * @return the settings
         */
        public static Settings quick() {
            return new Settings("digits", "mlp:64-8-8-5:tanh", new int[] {0, 1, 2, 3, 4}, new int[] {5, 6, 7, 8, 9}, 0.1, 32,
                    new double[] {0.3}, new int[] {128}, new double[] {1e-3}, new double[] {1e-3}, 0, 1, 5, 3, 0, 0);
        }

        /**
         * METHODS §11 NC-1's setting, fixed before any run: the embedded MNIST ({@code --data mnist}; source = classes
         * 0–4 of the 5,000 training images, source test = 0–4 of the 10,000 test images, target = 5–9 of the test
         * images), the CNN {@code cnn:1x28x28:16-32:64+5} (two 3x3 conv + ReLU + 2x2 max-pool stages of 16 and 32
         * channels, a Linear layer to the 64-dimensional embedding, ReLU, and the 5-way classifier); plain SGD, base
         * h = 0.05, B = 32; h ∈ {0.01, 0.02, 0.05, 0.1, 0.2}, B ∈ {8, 16, 32, 64, 128}, L2 ∈ {1e-4, 1e-3, 1e-2},
         * GC-penalty α (on the 64-dimensional embedding) ∈ {1e-4, 1e-3, 3e-3} (15 runs); each run into the terminal
         * phase, 10× the steps to 100 % training accuracy; 5-shot over 100 episodes. The lines are the digits
         * setting's, with h one step lower (the paper varies h, B and L2 in this direction; no value here was tuned on
         * a result). The cap of 1200 epochs is a guard only: the base run first fits its 2,558 images after 23 epochs,
         * so with steps to fit ∝ 1/h the h = 0.01 run needs about 1,150 epochs to reach its terminal phase.
         *
         * @return the settings
         */
        public static Settings mnist() {
            return new Settings("mnist", "cnn:1x28x28:16-32:64+5", new int[] {0, 1, 2, 3, 4}, new int[] {5, 6, 7, 8, 9}, 0.05,
                    32, new double[] {0.01, 0.02, 0.1, 0.2}, new int[] {8, 16, 64, 128}, new double[] {1e-4, 1e-3, 1e-2},
                    new double[] {1e-4, 1e-3, 3e-3}, 0, 1200, 5, 100, 0, 10);
        }

        /**
         * {@code --quick --data mnist}: cnn:1x28x28:2-4:4+5, one run per line (h 0.1, B 128, L2 1e-3, α 1e-3), 1 epoch,
         * 3 episodes.
         *
         * @return the settings
         */
        public static Settings mnistQuick() {
            return new Settings("mnist", "cnn:1x28x28:2-4:4+5", new int[] {0, 1, 2, 3, 4}, new int[] {5, 6, 7, 8, 9}, 0.05, 32,
                    new double[] {0.1}, new int[] {128}, new double[] {1e-3}, new double[] {1e-3}, 0, 1, 5, 3, 0, 0);
        }

        /**
         * The defaults of a data set: {@link #defaults()} for digits, {@link #mnist()} for mnist (quick: their
         * {@code --quick} sizes).
         *
         * @param data digits or mnist
         * @param quick whether the {@code --quick} size
         * @return the settings
         */
        public static Settings of(String data, boolean quick) {
            return switch (data) {
                case "digits" -> quick ? quick() : defaults();
                case "mnist" -> quick ? mnistQuick() : mnist();
                default -> throw new IllegalArgumentException(NcData.unknown(data));
            };
        }

        /**
         * The same settings with another seed (initialization, batch order and episodes).
         *
         * @param s the seed
         * @return the settings
         */
        public Settings withSeed(long s) {
            return new Settings(data, model, sourceClasses, targetClasses, baseLr, baseBatch, lrs, batches, l2s, gcCoefs, lossTarget,
                    maxEpochs, shots, episodes, s, terminalFactor);
        }

        private static void positive(String option, double[] v) {
            for (double x : v) {
                if (!(x > 0) || !Double.isFinite(x)) {
                    throw new IllegalArgumentException(option + ": values must be positive, got " + x);
                }
            }
        }
    }

    /**
     * One pre-training configuration.
     *
     * @param factor what it varies from the base: base, h, B, L2 or GC
     * @param lr     h
     * @param batch  B
     * @param l2     L2 coefficient (0: none)
     * @param gc     GC-penalty coefficient α (0: none)
     */
    public record Config(String factor, double lr, int batch, double l2, double gc) implements Serializable {
        /**
         * "h = 0.1 B=32", with "L2=.." or "GC=.." when set.
         *
         * @return the label
         */
        public String label() {
            return Rates.h(lr) + " B=" + batch + (l2 > 0 ? " L2=" + LrSweepPages.num(l2) : "")
                    + (gc > 0 ? " GC=" + LrSweepPages.num(gc) : "");
        }

        /**
         * Just the varied value ("h = 0.5", "B=8", "L2=0.01", "GC=0.001") or "base", for chart points.
         *
         * @return the short label
         */
        public String shortLabel() {
            return switch (factor) {
                case "h" -> Rates.h(lr);
                case "B" -> "B=" + batch;
                case "L2" -> "L2=" + LrSweepPages.num(l2);
                case "GC" -> "GC=" + LrSweepPages.num(gc);
                default -> factor;
            };
        }
    }

    /**
     * One run.
     *
     * @param config        what was trained
     * @param fitStep       the step at which training accuracy first reached 100 % (−1: never)
     * @param epochs        epochs begun
     * @param steps         SGD steps
     * @param trainLoss     training cross-entropy at the end
     * @param trainAccuracy training accuracy at the end
     * @param testAccuracy  accuracy on the source classes of the digits test split
     * @param reachedTarget whether the loss target was reached
     * @param diverged      whether the loss blew up (then stats is null)
     * @param stats         source collapse and GC, target collapse and k-shot accuracy
     * @param seconds       wall time
     */
    public record Run(Config config, int epochs, long steps, long fitStep, double trainLoss, double trainAccuracy, double testAccuracy,
                      boolean reachedTarget, boolean diverged, TransferStats stats, double seconds) implements Serializable {
        /**
         * The source embedding's GC (NaN when diverged).
         *
         * @return GC
         */
        public double sourceGc() {
            return diverged ? Double.NaN : stats.link().gc();
        }

        /**
         * The target CDNV (NaN when diverged).
         *
         * @return the CDNV
         */
        public double targetCdnv() {
            return diverged ? Double.NaN : stats.target().cdnv();
        }

        /**
         * The mean k-shot accuracy (NaN when diverged).
         *
         * @return the accuracy
         */
        public double fewShot() {
            return diverged ? Double.NaN : stats.fewShot().mean();
        }
    }

    /**
     * One seed's runs (every configuration).
     *
     * @param settings the settings it ran with
     * @param runs its runs, in order
     */
    public record Result(Settings settings, List<Run> runs) implements Serializable {
    }

    private NcSweep() {
    }

    /**
     * The base run, then the h, B, L2 and GC lines (each value once; the base is not repeated).
     *
     * @param s the settings
     * @return the configurations
     */
    public static List<Config> configs(Settings s) {
        List<Config> out = new ArrayList<>();
        out.add(new Config("base", s.baseLr(), s.baseBatch(), 0, 0));
        for (double h : s.lrs()) {
            add(out, new Config("h", h, s.baseBatch(), 0, 0));
        }
        for (int b : s.batches()) {
            add(out, new Config("B", s.baseLr(), b, 0, 0));
        }
        for (double l2 : s.l2s()) {
            add(out, new Config("L2", s.baseLr(), s.baseBatch(), l2, 0));
        }
        for (double gc : s.gcCoefs()) {
            add(out, new Config("GC", s.baseLr(), s.baseBatch(), 0, gc));
        }
        return out;
    }

    private static void add(List<Config> out, Config c) {
        boolean seen = out.stream().anyMatch(o -> o.lr() == c.lr() && o.batch() == c.batch() && o.l2() == c.l2()
                && o.gc() == c.gc());
        if (!seen) {
            out.add(c);
        }
    }

    /**
     * NC-1 over seeds; the claims are judged over seeds and the report written into dir.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     */
    public static Outcome reproduce(Settings s, Seeds seeds, boolean quick, Path dir, Consumer<String> log) {
        return SeedRuns.reproduce("NC-1", s, seeds, quick, (seed, out) -> run(s.withSeed(seed), out), NcClaims::of,
                (runs, claims) -> NcSweepReport.write(runs, claims, quick, dir), log);
    }

    /**
     * One seed: trains and measures every configuration of {@link #configs}, logging one line per run.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Result run(Settings s, Consumer<String> log) {
        NcData data = NcData.of(s);
        Dataset source = data.source();
        Dataset sourceTest = data.sourceTest();
        Dataset target = data.target();
        Sequential model = NcModel.parse(s.model());
        CollapseProbe probe = new CollapseProbe(-1, true, s.shots(), s.episodes(), s.seed(), 256);
        List<Run> runs = new ArrayList<>();
        for (Config c : configs(s)) {
            Run r = train(model, c, source, sourceTest, target, probe, s);
            runs.add(r);
            log.accept(r.diverged() ? String.format(Locale.ROOT, "%-22s DIVERGED after %d steps", c.label(), r.steps())
                    : String.format(Locale.ROOT, "%-22s %3d epochs %5d steps (100%% train acc at %d) loss %.4f%s  source GC %7.2f CDNV %.3f |"
                            + " target CDNV %.3f NC1 %.2f %d-shot %.4f +- %.4f  [%.1fs]", c.label(), r.epochs(), r.steps(),
                            r.fitStep(), r.trainLoss(), r.reachedTarget() || s.lossTarget() == 0 && s.terminalFactor() == 0 ? ""
                            : " (max epochs)", r.sourceGc(),
                            r.stats().source().cdnv(), r.targetCdnv(), r.stats().target().nc1(), s.shots(), r.fewShot(),
                            r.stats().fewShot().stderr(), r.seconds()));
        }
        return new Result(s, runs);
    }

    /**
     * SGD on the source classes through the {@code Trainer} until the stopping rule ({@link NcStop}: the
     * terminal phase, {@code terminalFactor} times the steps to 100 % training accuracy, checked at epoch
     * ends; or the loss target; at most max epochs), then the collapse and transfer measures.
     */
    static Run train(Sequential model, Config c, Dataset source, Dataset sourceTest, Dataset target, CollapseProbe probe,
                     Settings s) {
        long t0 = System.nanoTime();
        Objective ce = Objective.crossEntropy(model);
        Objective objective = ce;
        if (c.l2() > 0) {
            objective = L2Penalty.of(objective, c.l2());
        }
        if (c.gc() > 0) {
            objective = GeometricComplexityPenalty.onLayer(objective, model, Embeddings.penultimate(model), c.gc());
        }
        int perEpoch = new Batches(source, c.batch(), Order.RESHUFFLE, s.seed(), false).batchesPerEpoch();
        NcStop stop = new NcStop(s, perEpoch, 10 * Math.log(source.numClasses()));
        TrainSpec spec = new TrainSpec(c.batch(), (long) s.maxEpochs() * perEpoch, Order.RESHUFFLE, s.seed(), 0, 0,
                Double.POSITIVE_INFINITY, NcStop.CHUNK);
        Trainer.Result result = Trainer.run(new Trainer.Setup(model, model.init(Rng.seed(s.seed()), DType.FLOAT32), objective,
                source, null, new Sgd(), LearningRateRule.of(Schedule.constant(c.lr())), spec,
                List.of(stop.monitor(model, ce, source)), null, null).withStop(stop));
        long steps = result.status().step();
        int epochs = (int) Math.ceilDiv(steps, perEpoch);
        Map<String, Object> last = result.lastMetrics();
        if (result.status().state() == RunStatus.State.DIVERGED || stop.diverged(last)) {
            return new Run(c, epochs, steps, stop.fitStep(), NcStop.trainLoss(last), Double.NaN, Double.NaN, false, true, null,
                    (System.nanoTime() - t0) / 1e9);
        }
        Params p = result.params();
        double test = Evaluation.evaluate(model, ce, p, sourceTest, NcStop.CHUNK).accuracy();
        TransferStats stats = probe.measure(model, p, source, target);
        return new Run(c, epochs, steps, stop.fitStep(), NcStop.trainLoss(last), ((Number) last.get("train_accuracy")).doubleValue(),
                test, stop.reached(last), false, stats, (System.nanoTime() - t0) / 1e9);
    }
}
