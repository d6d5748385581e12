package org.occam.lab.dd4;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.occam.lab.claim.Outcome;

/** DD-4 as a reproduction: settings from option strings, the runs over seeds, the printout, the claims and the report. */
public final class Dd4Reproduction {
    private Dd4Reproduction() {
    }

    /**
     * The settings: the defaults with each given option (null: not given) in its place.
     *
     * @param steps      training rounds per run
     * @param seeds      runs per scheme
     * @param schemes    comma-separated scheme names ({@link Dd4Scheme#keys()})
     * @param lrs        "η" for both players or "η_D,η_G"
     * @param gamma      SGA and consensus strength
     * @param every      gradient-norm logging interval
     * @param mnistSteps rounds of the MNIST GAN (0: none)
     * @param seed       the first seed
     */
    public static Dd4.Settings settings(Integer steps, Integer seeds, String schemes, String lrs, Double gamma, Integer every,
                                        Integer mnistSteps, long seed) {
        return settings(Dd4.Settings.defaults(), steps, seeds, schemes, lrs, gamma, every, mnistSteps, seed);
    }

    /** As {@link #settings(Integer, Integer, String, String, Double, Integer, Integer, long)} on other defaults (e.g. quick). */
    public static Dd4.Settings settings(Dd4.Settings d, Integer steps, Integer seeds, String schemes, String lrs, Double gamma,
                                        Integer every, Integer mnistSteps, long seed) {
        double lrD = d.lrD();
        double lrG = d.lrG();
        if (lrs != null) {
            double[] r = rates(lrs);
            lrD = r[0];
            lrG = r[r.length - 1];
        }
        List<Dd4Scheme> list = schemes != null ? Dd4Scheme.parseList(schemes) : d.schemes();
        return new Dd4.Settings(steps != null ? steps : d.steps(), seeds != null ? seeds : d.seeds(), list, lrD, lrG,
                d.batch(), d.latent(), d.hidden(), d.activation(), gamma != null ? gamma : d.gamma(), d.evalSamples(),
                every != null ? every : d.logEvery(), mnistSteps != null ? mnistSteps : d.mnistSteps(), seed);
    }

    /**
     * Runs DD-4 (every scheme on seeds s.seed() … s.seed() + s.seeds() − 1, {@code parallel} runs at
     * a time), prints the table, judges the claims over the seeds and writes the report into dir.
     */
    public static Outcome reproduce(Dd4.Settings s, int parallel, boolean quick, Path dir, Consumer<String> out)
            throws IOException {
        out.accept(String.format(Locale.ROOT, "DD-4: GAN on the 8-Gaussian ring (radius 2, sigma 0.02), 2x%d %s MLPs, zero-sum"
                + " saturating loss, SGD lr_D %s lr_G %s, batch %d, %d steps, %d seed(s); schemes: %s", s.hidden(),
                s.activation().label(), s.lrD(), s.lrG(), s.batch(), s.steps(), s.seeds(),
                String.join(", ", s.schemes().stream().map(Dd4Scheme::key).toList())));
        Dd4.Result r = Dd4.run(s, parallel, out);
        Dd4Report.print(r, out);
        out.accept(String.format(Locale.ROOT, "(%.0f s)", r.seconds()));
        Path report = Dd4Report.write(r, quick, dir);
        return new Outcome(Dd4.ID, Outcome.settingOf(s), LongStream.range(s.seed(), s.seed() + s.seeds()).toArray(),
                r.claims(), quick, report);
    }

    private static double[] rates(String s) {
        String[] parts = s.split(",");
        if (parts.length > 2) {
            throw new IllegalArgumentException("--lrs for dd-4 takes one rate (both players) or two (lr_D,lr_G), got '" + s + "'");
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--lrs: not a number: '" + parts[i].trim() + "'");
            }
            if (!(out[i] > 0) || !Double.isFinite(out[i])) {
                throw new IllegalArgumentException("--lrs: rates must be positive, got " + parts[i].trim());
            }
        }
        return out;
    }
}
