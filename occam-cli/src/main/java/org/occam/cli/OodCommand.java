package org.occam.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.occam.lab.morse.Claim;
import org.occam.lab.morse.MnistExperiment;
import org.occam.lab.morse.OodReport;
import org.occam.lab.morse.ToyExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code occam ood}: Morse networks (METHODS §8) for densities, OOD detection, calibration and sampling. */
@Command(name = "ood", mixinStandardHelpOptions = true,
        description = "Out-of-distribution detection with Morse neural networks (METHODS §8): fits, metrics next to the "
            + "claims, and report.html with density heatmaps, samples and score histograms.",
        subcommands = {OodCommand.Toy.class, OodCommand.Mnist.class},
        footer = {"", "Examples:", "  ./occam ood toy", "  ./occam ood toy --dataset rings --kernel cauchy:1",
            "  ./occam ood mnist", "  ./occam ood mnist --train-size 60000 --classifier-steps 3000"})
public final class OodCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static void printClaims(List<Claim> claims) {
        System.out.println();
        System.out.println("Observed next to the claims:");
        for (Claim c : claims) {
            System.out.println(c.line());
        }
    }

    /** {@code occam ood toy}: METHODS §11 MORSE-1 on a 2-D toy. */
    @Command(name = "toy", mixinStandardHelpOptions = true,
            description = "MORSE-1: a Morse network on two moons (or rings): density, OOD AUROC against far box points, "
                + "the sampler, and the supervised distance-aware classifier. About half a minute at the defaults.")
    public static final class Toy implements Callable<Integer> {
        @Option(names = "--dataset", defaultValue = "moons", description = "moons or rings (default ${DEFAULT-VALUE}).")
        String dataset;

        @Option(names = "--train-size", defaultValue = "1000", description = "Training points (default ${DEFAULT-VALUE}).")
        int trainSize;

        @Option(names = "--test-size", defaultValue = "500", description = "Held-out points, and as many far OOD points (default ${DEFAULT-VALUE}).")
        int testSize;

        @Option(names = "--noise", defaultValue = "0.1", description = "Noise of the toy data (default ${DEFAULT-VALUE}).")
        double noise;

        @Option(names = "--hidden", defaultValue = "64-64", description = "Hidden sizes of the tanh MLP φ (default ${DEFAULT-VALUE}).")
        String hidden;

        @Option(names = "--k", defaultValue = "1", description = "Output dimension k of φ, unsupervised (default ${DEFAULT-VALUE}: modes are curves).")
        int k;

        @Option(names = "--kernel", defaultValue = "gaussian:1", description = "Morse kernel: gaussian[:λ] or cauchy[:λ] (default ${DEFAULT-VALUE}).")
        String kernel;

        @Option(names = "--box-factor", defaultValue = "1.5", description = "Reference box size relative to the data extent (default ${DEFAULT-VALUE}).")
        double boxFactor;

        @Option(names = "--steps", defaultValue = "2000", description = "Adam steps per fit (default ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--batch", defaultValue = "256", description = "Data rows per step (default ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--reference-batch", defaultValue = "512", description = "Reference draws per step (default ${DEFAULT-VALUE}).")
        int referenceBatch;

        @Option(names = "--lr", defaultValue = "0.01", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
        double lr;

        @Option(names = "--reference-weight", defaultValue = "volume",
                description = "Weight w of the reference term: 'volume' (w = V·C with V the box volume: the KL with respect to "
                    + "Lebesgue measure, METHODS §8) or a number (1: the KL with respect to the reference) (default ${DEFAULT-VALUE}).")
        String referenceWeight;

        @Option(names = "--far-gap", defaultValue = "0.5", description = "OOD points are box points this far from the data (default ${DEFAULT-VALUE}).")
        double farGap;

        @Option(names = "--samples", defaultValue = "300", description = "Sampler chains (default ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--sampler-steps", defaultValue = "500", description = "Gradient-ascent steps on log M (default ${DEFAULT-VALUE}).")
        int samplerSteps;

        @Option(names = "--sampler-eta", defaultValue = "0.01", description = "Gradient-ascent step size (default ${DEFAULT-VALUE}).")
        double samplerEta;

        @Option(names = "--sampler-cap", defaultValue = "0.1", description = "Cap on each drift step's length (default ${DEFAULT-VALUE}).")
        double samplerCap;

        @Option(names = "--langevin-steps", defaultValue = "200", description = "Langevin steps after the ascent (default ${DEFAULT-VALUE}).")
        int langevinSteps;

        @Option(names = "--langevin-eta", defaultValue = "0.0005", description = "Langevin step size (default ${DEFAULT-VALUE}).")
        double langevinEta;

        @Option(names = "--supervised", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Also fit the supervised variant (default ${DEFAULT-VALUE}).")
        boolean supervised;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of data, initialization and draws (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", defaultValue = "runs/ood-toy", description = "Folder for the report (default ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            positive("--train-size", trainSize, "--test-size", testSize, "--steps", steps, "--batch", batch,
                    "--reference-batch", referenceBatch, "--samples", samples, "--k", k);
            ToyExperiment.Settings s = new ToyExperiment.Settings(dataset, trainSize, testSize, noise, hidden, k, kernel, boxFactor,
                    steps, batch, referenceBatch, lr, weight(referenceWeight), farGap, samples, samplerSteps, samplerEta, samplerCap, langevinSteps,
                    langevinEta, supervised, seed);
            ToyExperiment.Result r = ToyExperiment.run(s, System.out::println);
            printClaims(r.claims());
            Path report = OodReport.writeToy(r, out);
            System.out.println();
            System.out.printf(Locale.ROOT, "time: %.1f s%n", r.millis() / 1e3);
            System.out.println("report: " + report.toAbsolutePath());
            return 0;
        }
    }

    /** {@code occam ood mnist}: Morse heads on a trained MNIST classifier, Fashion-MNIST as OOD. */
    @Command(name = "mnist", mixinStandardHelpOptions = true,
            description = "MNIST (in) vs Fashion-MNIST (out): a classifier, its maximum-softmax baseline, Morse heads on its "
                + "frozen penultimate layer, and the Morse temperature. Needs ./occam data fetch mnist and fashion-mnist. "
                + "About a minute at the defaults (more on a busy machine).")
    public static final class Mnist implements Callable<Integer> {
        @Option(names = "--train-size", defaultValue = "20000", description = "MNIST training images (default ${DEFAULT-VALUE}).")
        int trainSize;

        @Option(names = "--test-size", defaultValue = "2000", description = "MNIST test images, in-distribution (default ${DEFAULT-VALUE}).")
        int testSize;

        @Option(names = "--ood-size", defaultValue = "2000", description = "Fashion-MNIST test images, OOD (default ${DEFAULT-VALUE}).")
        int oodSize;

        @Option(names = "--classifier", defaultValue = "mlp:784-256-128-10:relu", description = "Classifier spec (default ${DEFAULT-VALUE}).")
        String classifier;

        @Option(names = "--classifier-steps", defaultValue = "2000", description = "Classifier Adam steps (default ${DEFAULT-VALUE}).")
        int classifierSteps;

        @Option(names = "--classifier-lr", defaultValue = "0.001", description = "Classifier learning rate (default ${DEFAULT-VALUE}).")
        double classifierLr;

        @Option(names = "--batch", defaultValue = "128", description = "Classifier batch size (default ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--head-hidden", defaultValue = "128", description = "Hidden width of the Morse heads (default ${DEFAULT-VALUE}).")
        int headHidden;

        @Option(names = "--head-dim", defaultValue = "8", description = "Output dimension k of the unsupervised head (default ${DEFAULT-VALUE}).")
        int headDim;

        @Option(names = "--head-steps", defaultValue = "2000", description = "Adam steps per head (default ${DEFAULT-VALUE}).")
        int headSteps;

        @Option(names = "--head-lr", defaultValue = "0.003", description = "Head learning rate (default ${DEFAULT-VALUE}).")
        double headLr;

        @Option(names = "--kernel", defaultValue = "gaussian:1", description = "Morse kernel (default ${DEFAULT-VALUE}).")
        String kernel;

        @Option(names = "--references", defaultValue = "box,gaussian", split = ",",
                description = "Reference distributions in embedding space, fitted for each head (default ${DEFAULT-VALUE}).")
        List<String> references;

        @Option(names = "--reference-factor", defaultValue = "1.5",
                description = "Box side / Gaussian σ relative to the embeddings' spread (default ${DEFAULT-VALUE}).")
        double referenceFactor;

        @Option(names = "--temperature-exponent", defaultValue = "1",
                description = "α in the Morse temperature τ = M^-α applied to the classifier's logits (default ${DEFAULT-VALUE}: τ = 1/M).")
        double temperatureExponent;

        @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", defaultValue = "runs/ood-mnist", description = "Folder for the report (default ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            positive("--train-size", trainSize, "--test-size", testSize, "--ood-size", oodSize, "--classifier-steps",
                    classifierSteps, "--batch", batch, "--head-hidden", headHidden, "--head-dim", headDim, "--head-steps", headSteps);
            MnistExperiment.Settings s = new MnistExperiment.Settings(trainSize, testSize, oodSize, classifier, classifierSteps,
                    classifierLr, batch, headHidden, headDim, headSteps, headLr, kernel, references, referenceFactor,
                    temperatureExponent, seed);
            MnistExperiment.Result r = MnistExperiment.run(s, System.out::println);
            printClaims(r.claims());
            Path report = OodReport.writeMnist(r, out);
            System.out.println();
            System.out.printf(Locale.ROOT, "time: %.1f s (classifier %.1f s)%n", r.millis() / 1e3, r.classifierMillis() / 1e3);
            System.out.println("report: " + report.toAbsolutePath());
            return 0;
        }
    }

    private static double weight(String s) {
        if (s.trim().equalsIgnoreCase("volume")) {
            return Double.NaN;
        }
        try {
            double w = Double.parseDouble(s.trim());
            if (w >= 0 && Double.isFinite(w)) {
                return w;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--reference-weight must be 'volume' or a non-negative number, got '" + s + "'");
    }

    private static void positive(Object... nameValue) {
        for (int i = 0; i < nameValue.length; i += 2) {
            if (((Number) nameValue[i + 1]).longValue() <= 0) {
                throw new IllegalArgumentException(nameValue[i] + " must be positive, got " + nameValue[i + 1]);
            }
        }
    }
}
