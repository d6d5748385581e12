package org.occam.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.occam.cli.reproduce.command.SeededReproduction;
import org.occam.lab.claim.Outcome;
import org.occam.lab.morse.MnistExperiment;
import org.occam.lab.morse.ToyExperiment;
import org.occam.lab.seeds.Seeds;
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

    /** {@code occam ood toy}: METHODS §11 MORSE-1 on a 2-D toy. */
    @Command(name = "toy", mixinStandardHelpOptions = true,
            description = "MORSE-1: a Morse network on two moons (or rings): density, OOD AUROC against far box points, "
                + "the sampler, and the supervised distance-aware classifier. About half a minute at the defaults.")
    public static final class Toy extends SeededReproduction {
        @Option(names = "--dataset", description = "moons or rings (default moons).")
        String dataset;

        @Option(names = "--train-size", description = "Training points (default 1000).")
        Integer trainSize;

        @Option(names = "--test-size", description = "Held-out points, and as many far OOD points (default 500).")
        Integer testSize;

        @Option(names = "--noise", description = "Noise of the toy data (default 0.1).")
        Double noise;

        @Option(names = "--hidden", description = "Hidden sizes of the tanh MLP φ (default 64-64).")
        String hidden;

        @Option(names = "--k", description = "Output dimension k of φ, unsupervised (default 1: modes are curves).")
        Integer k;

        @Option(names = "--kernel", description = "Morse kernel: gaussian[:λ] or cauchy[:λ] (default gaussian:1).")
        String kernel;

        @Option(names = "--box-factor", description = "Reference box size relative to the data extent (default 1.5).")
        Double boxFactor;

        @Option(names = "--steps", description = "Adam steps per fit (default 2000).")
        Integer steps;

        @Option(names = "--batch", description = "Data rows per step (default 256).")
        Integer batch;

        @Option(names = "--reference-batch", description = "Reference draws per step (default 512).")
        Integer referenceBatch;

        @Option(names = "--lr", description = "Adam learning rate (default 0.01).")
        Double lr;

        @Option(names = "--reference-weight", description = "Weight w of the reference term: 'volume' (w = V·C with V the box volume: the KL with respect to "
                    + "Lebesgue measure, METHODS §8) or a number (1: the KL with respect to the reference) (default volume).")
        String referenceWeight;

        @Option(names = "--far-gap", description = "OOD points are box points this far from the data (default 0.5).")
        Double farGap;

        @Option(names = "--samples", description = "Sampler chains (default 300).")
        Integer samples;

        @Option(names = "--sampler-steps", description = "Gradient-ascent steps on log M (default 500).")
        Integer samplerSteps;

        @Option(names = "--sampler-eta", description = "Gradient-ascent step size (default 0.01).")
        Double samplerEta;

        @Option(names = "--sampler-cap", description = "Cap on each drift step's length (default 0.1).")
        Double samplerCap;

        @Option(names = "--langevin-steps", description = "Langevin steps after the ascent (default 200).")
        Integer langevinSteps;

        @Option(names = "--langevin-eta", description = "Langevin step size (default 0.0005).")
        Double langevinEta;

        @Option(names = "--supervised", negatable = true, fallbackValue = "true",
                description = "Also fit the supervised variant (default true).")
        Boolean supervised;

        @Override
        protected String name() {
            return "ood-toy";
        }

        @Override
        protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) {
            ToyExperiment.Settings d = quick ? ToyExperiment.Settings.quick() : ToyExperiment.Settings.defaults();
            ToyExperiment.Settings s = new ToyExperiment.Settings(or(dataset, d.dataset()), or(trainSize, d.trainSize()),
                    or(testSize, d.testSize()), or(noise, d.noise()), or(hidden, d.hidden()), or(k, d.outputs()),
                    or(kernel, d.kernel()), or(boxFactor, d.boxFactor()), or(steps, d.steps()), or(batch, d.batch()),
                    or(referenceBatch, d.referenceBatch()), or(lr, d.lr()),
                    referenceWeight == null ? d.referenceWeight() : weight(referenceWeight), or(farGap, d.farGap()),
                    or(samples, d.samples()), or(samplerSteps, d.samplerSteps()), or(samplerEta, d.samplerEta()),
                    or(samplerCap, d.samplerCap()), or(langevinSteps, d.langevinSteps()), or(langevinEta, d.langevinEta()),
                    or(supervised, d.supervised()), seeds.first());
            positive("--train-size", s.trainSize(), "--test-size", s.testSize(), "--steps", s.steps(), "--batch", s.batch(),
                    "--reference-batch", s.referenceBatch(), "--samples", s.samples(), "--k", s.outputs());
            return ToyExperiment.reproduce(s, seeds, quick, dir, log);
        }
    }

    /** {@code occam ood mnist}: Morse heads on a trained MNIST classifier, Fashion-MNIST as OOD. */
    @Command(name = "mnist", mixinStandardHelpOptions = true,
            description = "MNIST (in) vs Fashion-MNIST (out): a classifier, its maximum-softmax baseline, Morse heads on its "
                + "frozen penultimate layer, and the Morse temperature. Needs ./occam data fetch mnist and fashion-mnist. "
                + "About a minute at the defaults (more on a busy machine).")
    public static final class Mnist extends SeededReproduction {
        @Option(names = "--train-size", description = "MNIST training images (default 20000).")
        Integer trainSize;

        @Option(names = "--test-size", description = "MNIST test images, in-distribution (default 2000).")
        Integer testSize;

        @Option(names = "--ood-size", description = "Fashion-MNIST test images, OOD (default 2000).")
        Integer oodSize;

        @Option(names = "--classifier", description = "Classifier spec (default mlp:784-256-128-10:relu).")
        String classifier;

        @Option(names = "--classifier-steps", description = "Classifier Adam steps (default 2000).")
        Integer classifierSteps;

        @Option(names = "--classifier-lr", description = "Classifier learning rate (default 0.001).")
        Double classifierLr;

        @Option(names = "--batch", description = "Classifier batch size (default 128).")
        Integer batch;

        @Option(names = "--head-hidden", description = "Hidden width of the Morse heads (default 128).")
        Integer headHidden;

        @Option(names = "--head-dim", description = "Output dimension k of the unsupervised head (default 8).")
        Integer headDim;

        @Option(names = "--head-steps", description = "Adam steps per head (default 2000).")
        Integer headSteps;

        @Option(names = "--head-lr", description = "Head learning rate (default 0.003).")
        Double headLr;

        @Option(names = "--kernel", description = "Morse kernel (default gaussian:1).")
        String kernel;

        @Option(names = "--references", split = ",",
                description = "Reference distributions in embedding space, fitted for each head (default box,gaussian).")
        List<String> references;

        @Option(names = "--reference-factor", description = "Box side / Gaussian σ relative to the embeddings' spread (default 1.5).")
        Double referenceFactor;

        @Option(names = "--temperature-exponent", description = "α in the Morse temperature τ = M^-α applied to the classifier's logits (default 1: τ = 1/M).")
        Double temperatureExponent;

        @Override
        protected String name() {
            return "ood-mnist";
        }

        @Override
        protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) {
            MnistExperiment.Settings d = quick ? MnistExperiment.Settings.quick() : MnistExperiment.Settings.defaults();
            MnistExperiment.Settings s = new MnistExperiment.Settings(or(trainSize, d.trainSize()), or(testSize, d.testSize()),
                    or(oodSize, d.oodSize()), or(classifier, d.classifier()), or(classifierSteps, d.classifierSteps()),
                    or(classifierLr, d.classifierLr()), or(batch, d.batch()), or(headHidden, d.headHidden()),
                    or(headDim, d.headDim()), or(headSteps, d.headSteps()), or(headLr, d.headLr()), or(kernel, d.kernel()),
                    or(references, d.references()), or(referenceFactor, d.referenceFactor()),
                    or(temperatureExponent, d.temperatureExponent()), seeds.first());
            positive("--train-size", s.trainSize(), "--test-size", s.testSize(), "--ood-size", s.oodSize(),
                    "--classifier-steps", s.classifierSteps(), "--batch", s.batch(), "--head-hidden", s.headHidden(),
                    "--head-dim", s.headDim(), "--head-steps", s.headSteps());
            return MnistExperiment.reproduce(s, seeds, quick, dir, log);
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
