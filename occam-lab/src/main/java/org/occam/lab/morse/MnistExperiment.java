package org.occam.lab.morse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.Split;
import org.occam.lab.claim.Outcome;
import org.occam.lab.seeds.SeedRuns;
import org.occam.lab.seeds.Seeds;
import org.occam.morse.Calibration;
import org.occam.morse.FrozenEmbedding;
import org.occam.morse.MorseFit;
import org.occam.morse.MorseHead;
import org.occam.morse.MorseKernel;
import org.occam.morse.MorseNetwork;
import org.occam.morse.MorseTemperature;
import org.occam.morse.OodMetrics;
import org.occam.morse.OodScores;
import org.occam.morse.ReferenceDistribution;
import org.occam.nn.Losses;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.Adam;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/**
 * MNIST (in-distribution) against Fashion-MNIST (OOD): a classifier trained with the
 * {@link Trainer}, its maximum-softmax-probability (MSP) baseline, and Morse heads on its frozen
 * penultimate embeddings (METHODS §8): unsupervised ({@code φ: R^e → R^k}) and supervised (one-hot
 * targets in {@code R^10}), each against every requested reference (uniform box, diagonal
 * Gaussian), all scored by {@code −log M}. The unsupervised head's {@code τ = 1/M} also tempers
 * the classifier's logits; calibration (ECE, reliability bins) and confidence on Fashion-MNIST
 * are reported raw and tempered. Float32 throughout.
 */
public final class MnistExperiment {
    private MnistExperiment() {
    }

    /**
     * Settings; see {@code occam ood mnist --help}.
     *
     * @param trainSize       MNIST training rows (the first ones)
     * @param testSize        MNIST test rows (in-distribution)
     * @param oodSize         Fashion-MNIST test rows (OOD)
     * @param classifier      classifier model spec (an MLP on 784 inputs with 10 outputs)
     * @param classifierSteps Adam steps for the classifier
     * @param classifierLr    its learning rate
     * @param batch           classifier batch size
     * @param headHidden      hidden width of the Morse heads
     * @param headDim         k, output size of the unsupervised head
     * @param headSteps       Adam steps per head
     * @param headLr          head learning rate
     * @param kernel          Morse kernel spec
     * @param references      reference kinds (box, gaussian)
     * @param referenceFactor box side / Gaussian σ relative to the embeddings' spread
     * @param temperatureExponent α in τ = M^−α (1: τ = 1/M)
     * @param seed            seed of initializations, batches and draws
     */
    public record Settings(int trainSize, int testSize, int oodSize, String classifier, int classifierSteps,
                           double classifierLr, int batch, int headHidden, int headDim, int headSteps, double headLr,
                           String kernel, List<String> references, double referenceFactor, double temperatureExponent,
                           long seed) {

        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            references = List.copyOf(references);
            if (references.isEmpty()) {
                throw new IllegalArgumentException("--references: name at least one reference (box, gaussian)");
            }
        }

        /**
         * The defaults: about a minute per seed on two cores.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings(20000, 2000, 2000, "mlp:784-256-128-10:relu", 2000, 1e-3, 128, 128, 8, 2000, 3e-3,
                    "gaussian:1", List.of("box", "gaussian"), 1.5, 1, 0);
        }

        /**
         * {@code --quick}: 300 training, 100 test and 100 OOD images, 30 classifier and 30 head steps.
         *
         * @return the settings
         */
        public static Settings quick() {
            return new Settings(300, 100, 100, "mlp:784-32-16-10:relu", 30, 1e-3, 64, 16, 4, 30, 3e-3, "gaussian:1",
                    List.of("box", "gaussian"), 1.5, 1, 0);
        }

        /**
         * The same settings with another seed.
         *
         * @param s the seed
         * @return the settings
         */
        public Settings withSeed(long s) {
            return new Settings(trainSize, testSize, oodSize, classifier, classifierSteps, classifierLr, batch, headHidden,
                    headDim, headSteps, headLr, kernel, references, referenceFactor, temperatureExponent, s);
        }
    }

    /**
     * One OOD detector's scores and metrics.
     *
     * @param name the detector's short name
     * @param description what it scores
     * @param in its scores on MNIST test images
     * @param out its scores on the OOD images
     * @param metrics AUROC, both average precisions and the FPR at 95 % TPR
     * @param headAccuracy the supervised head's accuracy (NaN for unsupervised ones)
     * @param meanDensityIn mean M on MNIST test images
     * @param meanDensityOut mean M on the OOD images
     * @param millis the fit's wall time
     * @param curve the fit's loss curve
     */
    public record Detector(String name, String description, double[] in, double[] out, OodMetrics metrics,
                           double headAccuracy, double meanDensityIn, double meanDensityOut, long millis,
                           List<MorseFit.Point> curve) {
    }

    /**
     * Everything the report needs.
     *
     * @param settings the settings it ran with
     * @param testAccuracy the classifier's test accuracy
     * @param classifierMillis the classifier's training time
     * @param detectors the OOD detectors
     * @param raw the classifier's calibration
     * @param tempered its calibration, Morse-tempered
     * @param fashionConfidenceRaw the mean confidence on Fashion-MNIST
     * @param fashionConfidenceTempered the same, tempered
     * @param mnistConfidenceRaw the mean confidence on MNIST test images
     * @param mnistConfidenceTempered the same, tempered
     * @param temperatureSource the detector whose M tempers the classifier
     * @param millis the wall time
     */
    public record Result(Settings settings, double testAccuracy, long classifierMillis, List<Detector> detectors,
                         Calibration raw, Calibration tempered, double fashionConfidenceRaw, double fashionConfidenceTempered,
                         double mnistConfidenceRaw, double mnistConfidenceTempered, String temperatureSource,
                         long millis) {
    }

    /**
     * The MNIST Morse heads over seeds; the claims are judged over seeds and the report written into dir.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     */
    public static Outcome reproduce(Settings s, Seeds seeds, boolean quick, Path dir, Consumer<String> log) {
        return SeedRuns.reproduceHere("MORSE-1 MNIST", "its per-seed result types (detectors, calibration) are not serializable yet",
                s, seeds, quick, (seed, out) -> run(s.withSeed(seed), out),
                MorseClaims::mnist, (runs, claims) -> OodReport.writeMnist(runs, claims, quick, dir), log);
    }

    /**
     * Runs the experiment on one seed; {@code log} receives progress lines.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Result run(Settings s, Consumer<String> log) {
        long t0 = System.nanoTime();
        Dataset train = first(Datasets.mnist(Split.TRAIN), s.trainSize());
        Dataset test = first(Datasets.mnist(Split.TEST), s.testSize());
        Dataset ood = first(Datasets.fashionMnist(Split.TEST), s.oodSize());
        log.accept(String.format(Locale.ROOT, "MNIST %d train / %d test (in) vs Fashion-MNIST %d test (out)",
                train.size(), test.size(), ood.size()));

        Sequential clf = Models.parse(s.classifier());
        long c0 = System.nanoTime();
        Trainer.Result tr = Trainer.run(new Trainer.Setup(clf, clf.init(Rng.seed(s.seed()).split(1), DType.FLOAT32),
                Objective.crossEntropy(clf), train, null, Adam.standard(), LearningRateRule.of(Schedule.constant(s.classifierLr())),
                TrainSpec.of(s.batch(), s.classifierSteps(), s.seed()).withEvalEvery(0), null, null, null));
        long classifierMillis = (System.nanoTime() - c0) / 1_000_000;
        if (tr.status().state() != RunStatus.State.COMPLETED) {
            throw new IllegalStateException("the classifier did not train: " + tr.status());
        }
        FrozenEmbedding emb = FrozenEmbedding.penultimate(clf, tr.params());
        Tensor logitsIn = emb.logits(test.x(), 1024);
        Tensor logitsOut = emb.logits(ood.x(), 1024);
        double acc = Losses.accuracy(logitsIn, test.y());
        log.accept(String.format(Locale.ROOT, "  classifier %s: %d steps in %.1f s, MNIST test accuracy %.4f",
                s.classifier(), s.classifierSteps(), classifierMillis / 1e3, acc));

        List<Detector> detectors = new ArrayList<>();
        double[] mspIn = OodScores.maxSoftmax(logitsIn);
        double[] mspOut = OodScores.maxSoftmax(logitsOut);
        detectors.add(new Detector("MSP baseline", "1 − max softmax of the classifier (Hendrycks & Gimpel 2017)", mspIn, mspOut,
                OodMetrics.evaluate(mspIn, mspOut), acc, Double.NaN, Double.NaN, 0, List.of()));
        log.accept("  " + pad("MSP baseline") + detectors.getFirst().metrics().describe());

        int e = emb.embed(test.x().slice(0, 0, 1), 1).size(1);
        MorseKernel kernel = MorseKernel.parse(s.kernel());
        MorseHead temperatureHead = null;
        String temperatureSource = null;
        for (boolean supervised : new boolean[] {false, true}) {
            for (String ref : s.references()) {
                int k = supervised ? 10 : s.headDim();
                Sequential head = Models.parse("mlp:" + e + "-" + s.headHidden() + "-" + k + ":tanh");
                MorseNetwork net = supervised ? MorseNetwork.supervised(head, kernel, 10, 1) : MorseNetwork.unsupervised(head, kernel, k);
                long h0 = System.nanoTime();
                MorseHead.Fitted f = MorseHead.fit(emb, net, head.init(Rng.seed(s.seed()).split(supervised ? 3 : 2), DType.FLOAT32),
                        train, x -> ReferenceDistribution.around(ref, x, s.referenceFactor()), Adam.standard(),
                        new MorseFit.Spec(256, 256, s.headSteps(), Schedule.constant(s.headLr()), s.seed(), Math.max(1, s.headSteps() / 50)),
                        null);
                long ms = (System.nanoTime() - h0) / 1_000_000;
                double[] in = f.head().oodScores(test.x(), OodScores.Kind.NEG_LOG_DENSITY);
                double[] out = f.head().oodScores(ood.x(), OodScores.Kind.NEG_LOG_DENSITY);
                double headAcc = supervised ? Losses.accuracy(f.head().classProbabilities(test.x()), test.y()) : Double.NaN;
                String name = "Morse " + (supervised ? "supervised" : "unsupervised") + ", " + ref;
                Detector d = new Detector(name, net.describe() + " on the penultimate layer (" + e + "-dim), reference "
                        + f.head().reference().describe(), in, out, OodMetrics.evaluate(in, out), headAcc, meanM(in), meanM(out), ms,
                        f.fit().curve());
                detectors.add(d);
                log.accept(String.format(Locale.ROOT, "  %s%s; mean M %.3g in, %.3g out%s (%.1f s)", pad(name), d.metrics().describe(),
                        d.meanDensityIn(), d.meanDensityOut(),
                        supervised ? String.format(Locale.ROOT, "; head accuracy %.4f", headAcc) : "", ms / 1e3));
                if (!supervised && temperatureHead == null) {
                    temperatureHead = f.head();
                    temperatureSource = name;
                }
            }
        }

        MorseTemperature temp = new MorseTemperature(s.temperatureExponent());
        Tensor rawIn = logitsIn.softmax(1);
        Tensor tempIn = temp.probabilities(logitsIn, temperatureHead.logDensity(test.x()));
        Tensor rawOut = logitsOut.softmax(1);
        Tensor tempOut = temp.probabilities(logitsOut, temperatureHead.logDensity(ood.x()));
        Calibration calRaw = Calibration.ofProbabilities(rawIn, test.y(), 15);
        Calibration calTemp = Calibration.ofProbabilities(tempIn, test.y(), 15);
        double confOutRaw = confidence(rawOut);
        double confOutTemp = confidence(tempOut);
        double confInRaw = confidence(rawIn);
        double confInTemp = confidence(tempIn);
        log.accept(String.format(Locale.ROOT, "  temperature τ = M^-%s from '%s': ECE %.4f → %.4f; mean confidence MNIST %.3f → %.3f, "
                + "Fashion %.3f → %.3f", ToyExperiment.fmt(s.temperatureExponent()), temperatureSource, calRaw.ece(), calTemp.ece(), confInRaw, confInTemp, confOutRaw, confOutTemp));
        double[] tmspIn = OodScores.oneMinusMax(tempIn);
        double[] tmspOut = OodScores.oneMinusMax(tempOut);
        detectors.add(new Detector("MSP of the tempered classifier", "1 − max softmax(ℓ·M) with M from '" + temperatureSource + "'",
                tmspIn, tmspOut, OodMetrics.evaluate(tmspIn, tmspOut), acc, Double.NaN, Double.NaN, 0, List.of()));

        return new Result(s, acc, classifierMillis, List.copyOf(detectors), calRaw, calTemp, confOutRaw, confOutTemp, confInRaw,
                confInTemp, temperatureSource, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Mean M from −log M scores. */
    private static double meanM(double[] negLog) {
        double t = 0;
        for (double v : negLog) {
            t += Math.exp(-v);
        }
        return t / negLog.length;
    }

    private static double confidence(Tensor probs) {
        return 1 - ToyExperiment.mean(OodScores.oneMinusMax(probs));
    }

    private static Dataset first(Dataset d, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("sizes must be positive, got " + n);
        }
        return d.slice(0, Math.min(n, d.size()));
    }

    private static String pad(String s) {
        return String.format(Locale.ROOT, "%-34s", s + ":");
    }
}
