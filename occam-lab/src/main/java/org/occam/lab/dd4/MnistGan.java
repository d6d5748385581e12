package org.occam.lab.dd4;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.occam.data.CachedDataset;
import org.occam.data.DataCache;
import org.occam.data.Datasets;
import org.occam.data.ImageLayout;
import org.occam.data.Split;
import org.occam.games.gan.Gan;
import org.occam.games.gan.GanConfig;
import org.occam.games.gan.GanNets;
import org.occam.games.gan.GanRun;
import org.occam.games.gan.GanTraining;
import org.occam.games.gan.GeneratorLoss;
import org.occam.games.gan.ImageRows;
import org.occam.nn.Activation;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.lab.report.Rates;

/**
 * The small MNIST GAN next to DD-4 (METHODS §3.7 mentions the reference's MNIST variant: conv
 * nets, SGD with η = 0.01 for both players, saturating loss, 10⁵ steps): here MLPs with 2 hidden
 * layers, real images mapped to [−1, 1], simultaneous SGD for a few thousand steps; the result is
 * a grid of samples. The default uses the non-saturating generator loss and η = 0.05: with the
 * saturating loss the discriminator wins within a few hundred steps, the generator's gradient
 * vanishes and after 3,000 steps its samples are still uniform grey noise. Skipped, with a
 * message naming the fix, when MNIST is not in the data cache.
 */
public final class MnistGan {
    private MnistGan() {
    }

    /**
     * The MNIST GAN's settings.
     *
     * @param steps   training rounds
     * @param batch   minibatch size (the reference uses 64)
     * @param lr      SGD rate of both players (the reference uses 0.01)
     * @param latent  latent size
     * @param hidden  hidden width of both MLPs
     * @param samples images in the grid
     * @param loss    the generator's loss
     * @param seed    the seed
     */
    public record Settings(int steps, int batch, double lr, int latent, int hidden, int samples, GeneratorLoss loss,
                           long seed) {
        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            java.util.Objects.requireNonNull(loss, "loss");
            if (steps < 1 || batch < 1 || latent < 1 || hidden < 1 || samples < 1 || !(lr > 0)) {
                throw new IllegalArgumentException("MNIST GAN needs positive steps, batch, latent, hidden, samples and lr,"
                        + " got " + steps + ", " + batch + ", " + latent + ", " + hidden + ", " + samples + ", " + lr);
            }
        }

        /**
         * {@code steps} rounds of batch 64, η = 0.05 both, latent 64, 256 hidden, non-saturating loss, an 8×8 grid.
         *
         * @param seed the seed of the random draws
         * @param steps the number of rounds
         * @return the settings
         */
        public static Settings defaults(int steps, long seed) {
            return new Settings(steps, 64, 0.05, 64, 256, 64, GeneratorLoss.NON_SATURATING, seed);
        }
    }

    /**
     * The outcome: the run and its samples, or why it was skipped.
     *
     * @param settings   the settings
     * @param run        the training run (null when skipped)
     * @param grid       the generated samples (null when skipped)
     * @param skipReason why it did not run (null when it ran)
     */
    public record Result(Settings settings, GanRun run, SampleGrid grid, String skipReason) {
        /**
         * Whether it ran.
         *
         * @return whether it ran
         */
        public boolean ran() {
            return skipReason == null;
        }
    }

    /**
     * Trains on the cached MNIST training split, or skips when it is not installed.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return every scheme's runs and the judged claims
     */
    public static Result run(Settings s, Consumer<String> log) {
        return run(s, DataCache.defaultRoot(), log);
    }

    /**
     * As {@link #run(Settings, Consumer)} with the data cache at {@code cacheRoot}.
     *
     * @param s the settings
     * @param log receives progress lines
     * @param cacheRoot the data cache
     * @return every scheme's runs and the judged claims
     */
    public static Result run(Settings s, Path cacheRoot, Consumer<String> log) {
        if (!DataCache.isInstalled(cacheRoot, CachedDataset.MNIST)) {
            String why = "MNIST is not in the data cache (" + cacheRoot + "); install it with "
                    + CachedDataset.MNIST.fixCommand();
            log.accept("MNIST GAN skipped: " + why);
            return new Result(s, null, null, why);
        }
        ImageRows data = new ImageRows(Datasets.load(CachedDataset.MNIST, Split.TRAIN, ImageLayout.FLAT,
                cacheRoot));
        Gan gan = GanNets.mnistMlp(s.latent(), s.hidden(), Activation.RELU, s.loss());
        GanConfig c = GanConfig.sgd(s.lr(), s.lr(), s.batch(), s.steps(), s.seed())
                .withSteps(s.steps(), Math.max(1, s.steps() / 10));
        log.accept(String.format(Locale.ROOT, "MNIST GAN: MLP %d-%d-%d-784 generator, 784-%d-%d-1 discriminator, %s loss,"
                + " SGD at %s, batch %d, %d steps", s.latent(), s.hidden(), s.hidden(), s.hidden(), s.hidden(),
                s.loss().label(), Rates.h(s.lr()), s.batch(), s.steps()));
        GanRun run = GanTraining.train(gan, data, c, l -> log.accept(String.format(Locale.ROOT,
                "  step %6d  loss D %.4f  loss G %.4f  |grad D| %.3g  |grad G| %.3g", l.step(), l.lossD(), l.lossG(),
                l.gradNormD(), l.gradNormG())));
        Tensor z = gan.latents(s.samples(), Rng.seed(s.seed()).split(3), c.dtype());
        Tensor x = gan.generate(run.finalState().theta(), z);
        int cols = (int) Math.ceil(Math.sqrt(s.samples()));
        log.accept(String.format(Locale.ROOT, "  %s in %.1f s", run.diverged() ? "DIVERGED at step " + run.divergedAt()
                : "done", run.seconds()));
        return new Result(s, run, SampleGrid.of(x, 28, 28, cols, 2, -1, 1), null);
    }
}
