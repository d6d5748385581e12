package org.occam.lab.dd4;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.occam.lab.claim.Outcome;

/** DD-4 as a reproduction: settings from option strings, the runs over seeds, the printout, the claims and the report. */
public final class Dd4Reproduction {
    private Dd4Reproduction() {
    }

    /**
     * The settings: a named setting ({@link Dd4.Settings#named}: faithful or legacy; null: faithful),
     * made tiny when {@code quick}, with each given option (null: not given) in its place.
     *
     * @param setting    "faithful" (METHODS §11) or "legacy" (the earlier plain-D defaults)
     * @param quick      start from the setting's {@link Dd4.Settings#quick()} form
     * @param steps      training rounds per run
     * @param seeds      runs per scheme and rate multiplier
     * @param schemes    comma-separated scheme names ({@link Dd4Scheme#keys()})
     * @param lrs        "η" for both players or "η_D,η_G"
     * @param rates      comma-separated rate multipliers (both rates times each)
     * @param gamma      SGA and consensus strength
     * @param every      gradient-norm logging interval
     * @param mnistSteps rounds of the MNIST GAN (0: none)
     * @param seed       the first seed
     * @return the settings
     */
    public static Dd4.Settings settings(String setting, boolean quick, Integer steps, Integer seeds, String schemes,
                                        String lrs, String rates, Double gamma, Integer every, Integer mnistSteps,
                                        long seed) {
        Dd4.Settings named = Dd4.Settings.named(setting);
        return settings(quick ? named.quick() : named, steps, seeds, schemes, lrs, rates, gamma, every, mnistSteps, seed);
    }

    /**
     * The settings d with each given option (null: not given) in its place.
     *
     * @param d the settings to start from
     * @param steps rounds per run
     * @param seeds the number of seeds
     * @param schemes comma-separated scheme keys
     * @param lrs "η" for both players or "η_D,η_G"
     * @param rates comma-separated rate multipliers
     * @param gamma SGA and consensus strength
     * @param every gradient-norm logging interval
     * @param mnistSteps rounds of the MNIST GAN
     * @param seed the first seed
     * @return the settings
     */
    public static Dd4.Settings settings(Dd4.Settings d, Integer steps, Integer seeds, String schemes, String lrs,
                                        String rates, Double gamma, Integer every, Integer mnistSteps, long seed) {
        double lrD = d.lrD();
        double lrG = d.lrG();
        if (lrs != null) {
            double[] r = numbers("--lrs", lrs, 2);
            lrD = r[0];
            lrG = r[r.length - 1];
        }
        List<Double> scales = rates != null ? Arrays.stream(numbers("--rates", rates, Integer.MAX_VALUE)).boxed().toList()
                : d.lrScales();
        List<Dd4Scheme> list = schemes != null ? Dd4Scheme.parseList(schemes) : d.schemes();
        return new Dd4.Settings(d.name(), steps != null ? steps : d.steps(), seeds != null ? seeds : d.seeds(), list, lrD,
                lrG, scales, d.batch(), d.latent(), d.hidden(), d.activation(), d.spectralNorm(), d.estimator(),
                gamma != null ? gamma : d.gamma(), d.evalSamples(), d.w2Samples(), every != null ? every : d.logEvery(),
                mnistSteps != null ? mnistSteps : d.mnistSteps(), seed);
    }

    /**
     * Runs DD-4 (every scheme on seeds s.seed() … s.seed() + s.seeds() − 1, {@code parallel} runs at
     * a time), prints the table, judges the claims over the seeds and writes the report into dir.
     *
     * @param s the settings
     * @param parallel how many runs train at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param out receives the table and progress lines
     * @return the judged claims, the setting and the report's path
     * @throws IOException when writing fails
     */
    public static Outcome reproduce(Dd4.Settings s, int parallel, boolean quick, Path dir, Consumer<String> out)
            throws IOException {
        out.accept(String.format(Locale.ROOT, "DD-4, setting %s%s: GAN on the 8-Gaussian ring (radius 2, sigma 0.02), 2x%d"
                + " %s MLPs, %s D, zero-sum saturating loss, SGD lr_D %s lr_G %s times %s, batch %d, %s estimator, %d"
                + " steps, %d seed(s); schemes: %s", s.name(), s.name().startsWith("faithful") ? " (METHODS §11)" : "",
                s.hidden(), s.activation().label(), s.spectralNorm() ? "spectral-norm" : "plain", s.lrD(), s.lrG(),
                s.lrScales().stream().map(Dd4Report::num).toList(), s.batch(), s.estimator().name().toLowerCase(Locale.ROOT),
                s.steps(), s.seeds(), String.join(", ", s.schemes().stream().map(Dd4Scheme::key).toList())));
        Dd4.Result r = Dd4.run(s, parallel, out);
        Dd4Report.print(r, out);
        out.accept(String.format(Locale.ROOT, "(%.0f s)", r.seconds()));
        Path report = Dd4Report.write(r, quick, dir);
        return new Outcome(Dd4.ID, Outcome.settingOf(s), LongStream.range(s.seed(), s.seed() + s.seeds()).toArray(),
                r.claims(), quick, report, Map.of("results", Dd4Report.json(r)), List.of());
    }

    private static double[] numbers(String option, String s, int max) {
        String[] parts = s.split(",");
        if (parts.length > max) {
            throw new IllegalArgumentException(option + " for dd-4 takes one rate (both players) or two (lr_D,lr_G), got '"
                    + s + "'");
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": not a number: '" + parts[i].trim() + "'");
            }
            if (!(out[i] > 0) || !Double.isFinite(out[i])) {
                throw new IllegalArgumentException(option + ": values must be positive and finite, got " + parts[i].trim());
            }
        }
        return out;
    }
}
