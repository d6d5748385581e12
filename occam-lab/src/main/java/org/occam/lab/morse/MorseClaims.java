package org.occam.lab.morse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;

/** The MORSE-1 claims (METHODS §8, §11) judged over seeds: the 2-D toy, and Morse heads on MNIST vs Fashion-MNIST. */
public final class MorseClaims {
    private MorseClaims() {
    }

    /**
     * M ≈ 1 on held-out data and decaying away, OOD AUROC > 0.95, the sampler near the data, confidence → 1/C far away.
     *
     * @param seeds the result of each seed
     * @return the judged claims
     */
    public static List<ClaimResult> toy(List<ToyExperiment.Result> seeds) {
        ToyExperiment.Settings s = seeds.getFirst().settings();
        double auroc = 1.0 / s.testSize();
        List<ClaimResult> out = new ArrayList<>(List.of(
                Claim.within("MORSE-1 M ≈ 1 on data", "M ≈ 1 on the data manifold", "mean M on the held-out points", 1,
                        0.25, 1.0 / s.testSize()).test(toy(seeds, r -> r.unsupervised().meanDensityIn())),
                Claim.of("MORSE-1 M decays", "M decays away from the data (here: at least 10x lower on far points)",
                        "ln(mean M on held-out points ÷ mean M on far box points) (reference ln 10)", Direction.INCREASE,
                        Math.log(10), 0).test(toy(seeds, r -> Math.log(r.unsupervised().meanDensityIn()
                        / r.unsupervised().meanDensityOut()))),
                Claim.of("MORSE-1 AUROC", "OOD AUROC > 0.95 (held-out vs box points > " + s.farGap() + " from the data)",
                        "AUROC of −log M (reference 0.95)", Direction.INCREASE, 0.95, auroc)
                        .test(toy(seeds, r -> r.unsupervised().metrics().auroc())),
                Claim.of("MORSE-1 sampler", "the sampler lands near the manifold (within 2σ = " + ToyExperiment.fmt(2 * s.noise())
                                + " of the data)", "mean distance to the nearest data point after the ascent (reference 2σ)",
                        Direction.DECREASE, 2 * s.noise(), 0).test(toy(seeds, r -> r.unsupervised().distanceAfter()))));
        if (s.supervised()) {
            int classes = seeds.getFirst().train().numClasses();
            out.add(Claim.within("MORSE-1 confidence → 1/C", "supervised: the Morse-tempered confidence falls to 1/C = "
                            + ToyExperiment.fmt(1.0 / classes) + " far away", "tempered max confidence on far points (reference 1/C)",
                    1.0 / classes, 0.05, 0).test(toy(seeds, r -> r.supervised().farConfidenceTempered())));
        }
        return out;
    }

    /**
     * Each Morse head's AUROC against the MSP baseline, and tempered confidence on Fashion-MNIST.
     *
     * @param seeds the result of each seed
     * @return the judged claims
     */
    public static List<ClaimResult> mnist(List<MnistExperiment.Result> seeds) {
        MnistExperiment.Settings s = seeds.getFirst().settings();
        double resolution = 1.0 / Math.min(s.testSize(), s.oodSize());
        List<ClaimResult> out = new ArrayList<>();
        List<MnistExperiment.Detector> first = seeds.getFirst().detectors();
        for (int k = 1; k < first.size(); k++) {
            if (!first.get(k).name().startsWith("Morse")) {
                continue;
            }
            int d = k;
            out.add(Claim.of("MORSE-1 MNIST " + first.get(k).name(), "a Morse head detects Fashion-MNIST as well as or better"
                            + " than the maximum-softmax baseline", "AUROC of the head − AUROC of MSP, same classifier",
                    Direction.INCREASE, 0, resolution).test(mnist(seeds, r -> r.detectors().get(d).metrics().auroc()
                    - r.detectors().getFirst().metrics().auroc())));
        }
        out.add(Claim.of("MORSE-1 MNIST temperature", "the Morse temperature lowers the confidence on Fashion-MNIST at least"
                        + " halfway to 1/C = 0.1", "(raw − tempered confidence) − ½(raw confidence − 0.1) on Fashion-MNIST",
                Direction.INCREASE, 0, resolution).test(mnist(seeds, r -> (r.fashionConfidenceRaw()
                - r.fashionConfidenceTempered()) - 0.5 * (r.fashionConfidenceRaw() - 0.1))));
        return out;
    }

    private static double[] toy(List<ToyExperiment.Result> seeds, ToDoubleFunction<ToyExperiment.Result> f) {
        return seeds.stream().mapToDouble(f).toArray();
    }

    private static double[] mnist(List<MnistExperiment.Result> seeds, ToDoubleFunction<MnistExperiment.Result> f) {
        return seeds.stream().mapToDouble(f).toArray();
    }
}
