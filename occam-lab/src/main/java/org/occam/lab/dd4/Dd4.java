package org.occam.lab.dd4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.occam.games.DriftCoefficients;
import org.occam.games.DriftRegularizers;
import org.occam.games.UpdateScheme;
import org.occam.games.gan.Estimator;
import org.occam.games.gan.Gan;
import org.occam.games.gan.GanConfig;
import org.occam.games.gan.GanLog;
import org.occam.games.gan.GanNets;
import org.occam.games.gan.GanRun;
import org.occam.games.gan.GanTraining;
import org.occam.games.gan.GeneratorLoss;
import org.occam.games.gan.Mixture2d;
import org.occam.games.gan.ModeCoverage;
import org.occam.lab.claim.ClaimResult;
import org.occam.nn.Activation;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.tensor.kernel.Parallel;

/**
 * DD-4 of METHODS §11: a GAN on the 8-Gaussian ring (radius 2, σ = 0.02) with 2×64 MLPs, plain
 * SGD and the zero-sum saturating loss (METHODS §3.4), trained with several schemes
 * ({@link Dd4Scheme}) over several seeds (several runs at a time). Each run's generator is scored
 * by {@link ModeCoverage} (modes covered: ≥ 5 % of the samples within 3σ; fraction of
 * high-quality samples) and its per-player gradient norms are logged; because GAN training
 * oscillates, both are averaged over the logged rounds of the last {@link #TAIL} of training.
 * The claims ({@link Dd4Claims}): cancelling the interaction terms is at least as stable and
 * covers at least as many modes as plain simultaneous SGD; alternating is more stable than
 * simultaneous.
 */
public final class Dd4 {

    /** The id of the claims. */
    static final String ID = "DD-4";
    /** The last fraction of training whose logged rounds count as "final" (scores and gradient norms). */
    static final double TAIL = 0.1;

    /**
     * The reproduction's settings.
     *
     * @param steps       training rounds per run
     * @param seeds       runs per scheme, seeds seed, seed + 1, ...
     * @param schemes     the schemes compared
     * @param lrD         the discriminator's SGD rate η_D
     * @param lrG         the generator's SGD rate η_G
     * @param batch       real rows and latents per step
     * @param latent      the generator's latent size
     * @param hidden      the width of the two hidden layers of G and D
     * @param activation  the hidden activation
     * @param gamma       the strength γ of SGA and consensus
     * @param evalSamples generated samples scored per run
     * @param logEvery    log gradient norms every this many rounds
     * @param mnistSteps  rounds of the MNIST GAN (0: not run)
     * @param seed        the first seed
     */
    public record Settings(int steps, int seeds, List<Dd4Scheme> schemes, double lrD, double lrG, int batch, int latent,
                           int hidden, Activation activation, double gamma, int evalSamples, int logEvery, int mnistSteps,
                           long seed) {
        public Settings {
            schemes = List.copyOf(schemes);
            if (steps < 1 || seeds < 1 || schemes.isEmpty() || batch < 1 || latent < 1 || hidden < 1 || evalSamples < 1
                    || logEvery < 1 || mnistSteps < 0) {
                throw new IllegalArgumentException("DD-4 needs steps, seeds, batch, latent, hidden, eval samples, log interval"
                        + " >= 1, at least one scheme and mnist steps >= 0");
            }
            if (!(lrD > 0) || !(lrG > 0) || !(gamma >= 0)) {
                throw new IllegalArgumentException("DD-4 needs positive learning rates and gamma >= 0, got lrD " + lrD
                        + ", lrG " + lrG + ", gamma " + gamma);
            }
            if (schemes.contains(Dd4Scheme.RK4) && lrD != lrG) {
                throw new IllegalArgumentException("the rk4 scheme takes one step size for both players, got lr_D " + lrD
                        + " and lr_G " + lrG);
            }
        }

        /** The schemes run by default. */
        public static final List<Dd4Scheme> DEFAULT_SCHEMES = List.of(Dd4Scheme.SIMULTANEOUS, Dd4Scheme.ALTERNATING,
                Dd4Scheme.CANCEL, Dd4Scheme.SGA, Dd4Scheme.CONSENSUS);

        /**
         * 5,000 steps (METHODS: 5–20k), 10 seeds, η_D = η_G = 0.05 (the drift grows with η²; at 0.02–0.03
         * every scheme barely leaves its start in 5k steps, at 0.1–0.2 runs swing between collapse and
         * spread from seed to seed), batch 256, latent 16, 2×64 ReLU, γ = 0.05 for SGA and consensus
         * (at γ = η/2 SGA would repeat the cancel run exactly, see {@link Dd4Report}), 2,500 evaluation
         * samples, logs every 25 steps, no MNIST GAN: about 10 minutes on 2 idle cores.
         */
        public static Settings defaults() {
            return new Settings(5000, 10, DEFAULT_SCHEMES, 0.05, 0.05, 256, 16, 64, Activation.RELU, 0.05, 2500, 25, 0, 0);
        }

        /** {@code --quick}: the defaults at 30 steps, 2 seeds, 500 evaluation samples, logs every 10 steps. */
        public static Settings quick() {
            return new Settings(30, 2, DEFAULT_SCHEMES, 0.05, 0.05, 256, 16, 64, Activation.RELU, 0.05, 500, 10, 0, 0);
        }

        /** The GAN every run trains. */
        public Gan gan() {
            return GanNets.toy2d(latent, hidden, activation, GeneratorLoss.SATURATING);
        }

        /** The base config (plain simultaneous SGD, biased estimator, exact drift coefficients) for one seed. */
        public GanConfig base(long runSeed) {
            return new GanConfig(UpdateScheme.simultaneous(), lrD, lrG, batch, steps, DriftRegularizers.none(),
                    DriftCoefficients.Convention.EXACT, Estimator.BIASED, false, logEvery, runSeed, DType.FLOAT32);
        }
    }

    /**
     * One scheme on one seed.
     *
     * @param seed    the run's seed
     * @param run     the training run
     * @param late    the scores of the generator at the logged rounds of the last {@link #TAIL} of
     *                training, the final generator last (the same evaluation latents each time)
     * @param samples the final generator's points for the scatter plot, x0, y0, x1, y1, ...
     */
    public record SeedRun(long seed, GanRun run, List<ModeCoverage> late, double[] samples) {
        public SeedRun {
            late = List.copyOf(late);
            if (late.isEmpty()) {
                throw new IllegalArgumentException("a DD-4 run needs at least the final generator's scores");
            }
        }

        /** The final generator's scores. */
        public ModeCoverage coverage() {
            return late.getLast();
        }

        /** Modes covered, averaged over the late snapshots. */
        public double covered() {
            return late.stream().mapToDouble(ModeCoverage::covered).average().orElseThrow();
        }

        /** Modes hit (VEEGAN), averaged over the late snapshots. */
        public double hit() {
            return late.stream().mapToDouble(ModeCoverage::hit).average().orElseThrow();
        }

        /** The high-quality fraction, averaged over the late snapshots. */
        public double highQuality() {
            return late.stream().mapToDouble(ModeCoverage::highQualityFraction).average().orElseThrow();
        }

        /** The final (tail-mean) value of a logged quantity; NaN for a diverged run. */
        public double tail(ToDoubleFunction<GanLog> f) {
            return run.diverged() ? Double.NaN : run.tailMean(f, TAIL);
        }

        /**
         * The fluctuation of the gradient norms over the second half of training: the standard
         * deviation of log10‖∇_φL_φ‖ plus that of log10‖∇_θL_θ‖ over the logged steps. Blow-ups and
         * saturation collapses (a generator whose gradient vanishes by orders of magnitude) both
         * make it large; a steady game keeps it small. NaN for a diverged run, or one with fewer than two
         * logged rounds in its second half.
         */
        public double gradSpread() {
            if (run.diverged()) {
                return Double.NaN;
            }
            List<GanLog> logs = run.logs();
            long half = run.config().steps() / 2;
            List<GanLog> late = logs.stream().filter(l -> l.step() >= half).toList();
            return sdLog10(late, GanLog::gradNormD) + sdLog10(late, GanLog::gradNormG);
        }

        private static double sdLog10(List<GanLog> logs, ToDoubleFunction<GanLog> f) {
            double[] v = logs.stream().mapToDouble(f).filter(x -> x > 0 && Double.isFinite(x)).map(Math::log10).toArray();
            return v.length < 2 ? Double.NaN : Dd4Stats.of(v).sd();
        }
    }

    /** One scheme over all seeds, with its summary statistics. */
    public record SchemeResult(Dd4Scheme scheme, GanConfig config, List<SeedRun> runs) {
        public SchemeResult {
            runs = List.copyOf(runs);
        }

        /** Modes covered (≥ 5 % of the samples within 3σ), late-training average per run. */
        public Dd4Stats covered() {
            return stats(SeedRun::covered);
        }

        /** Modes with at least one high-quality sample (VEEGAN's count), late-training average per run. */
        public Dd4Stats hit() {
            return stats(SeedRun::hit);
        }

        /** The fraction of high-quality samples, late-training average per run. */
        public Dd4Stats highQuality() {
            return stats(SeedRun::highQuality);
        }

        /** The final ‖∇_φ L_φ‖ (discriminator) over the runs that did not diverge. */
        public Dd4Stats gradNormD() {
            return stats(r -> r.tail(GanLog::gradNormD));
        }

        /** The final ‖∇_θ L_θ‖ (generator) over the runs that did not diverge. */
        public Dd4Stats gradNormG() {
            return stats(r -> r.tail(GanLog::gradNormG));
        }

        /** The gradient-norm fluctuation {@link SeedRun#gradSpread()} over the runs that did not diverge. */
        public Dd4Stats gradSpread() {
            return stats(SeedRun::gradSpread);
        }

        /** The number of diverged runs. */
        public int diverged() {
            return (int) runs.stream().filter(r -> r.run().diverged()).count();
        }

        /** Total training time of the scheme's runs. */
        public double seconds() {
            return runs.stream().mapToDouble(r -> r.run().seconds()).sum();
        }

        private Dd4Stats stats(ToDoubleFunction<SeedRun> f) {
            return Dd4Stats.of(runs.stream().mapToDouble(f).toArray());
        }
    }

    /**
     * Everything DD-4 produced.
     *
     * @param settings the settings
     * @param target   the ring
     * @param schemes  one result per scheme, in the settings' order
     * @param claims   the claims checked
     * @param ranking  the schemes by modes covered, then high-quality fraction (best first)
     * @param mnist    the MNIST GAN, or null when not asked for
     * @param seconds  wall time
     */
    public record Result(Settings settings, Mixture2d target, List<SchemeResult> schemes, List<ClaimResult> claims,
                         List<Dd4Scheme> ranking, MnistGan.Result mnist, double seconds) {
        /** The result of a scheme, or null when it was not run. */
        public SchemeResult of(Dd4Scheme s) {
            return schemes.stream().filter(r -> r.scheme() == s).findFirst().orElse(null);
        }
    }

    /** Generated points kept per run for the scatter plots. */
    static final int PLOT_POINTS = 1000;

    private Dd4() {
    }

    /** Runs every scheme on every seed (several runs at a time, one kernel thread each) and checks the claims. */
    public static Result run(Settings s, Consumer<String> log) {
        return run(s, Runtime.getRuntime().availableProcessors(), log);
    }

    /**
     * Runs every scheme on every seed, at most {@code parallel} runs at a time (one kernel thread
     * each; results do not depend on it), and judges the claims over the seeds.
     */
    public static Result run(Settings s, int parallel, Consumer<String> log) {
        long t0 = System.nanoTime();
        Mixture2d target = Mixture2d.ring();
        Gan gan = s.gan();
        List<Future<SeedRun>> futures = new ArrayList<>();
        int jobs = s.schemes().size() * s.seeds();
        int workers = Math.max(1, Math.min(jobs, parallel));
        int before = Parallel.threads();
        if (workers > 1) {
            Parallel.setThreads(1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "occam-dd4");
            t.setDaemon(true);
            return t;
        });
        List<SchemeResult> results = new ArrayList<>();
        try {
            for (Dd4Scheme scheme : s.schemes()) {
                for (int i = 0; i < s.seeds(); i++) {
                    GanConfig c = scheme.apply(s.base(s.seed() + i), s.gamma());
                    futures.add(pool.submit(() -> runOne(gan, target, c, s.evalSamples())));
                }
            }
            int k = 0;
            for (Dd4Scheme scheme : s.schemes()) {
                List<SeedRun> runs = new ArrayList<>();
                for (int i = 0; i < s.seeds(); i++) {
                    SeedRun r = futures.get(k++).get();
                    runs.add(r);
                    log.accept(String.format(Locale.ROOT, "%-52s seed %d: covered %.2f, hit %.2f, high quality %5.1f%%"
                            + " (late mean); final: %s%s  |grad D| %.3g  |grad G| %.3g  [%.1fs]", scheme.title(), r.seed(),
                            r.covered(), r.hit(), 100 * r.highQuality(), r.coverage(), r.run().diverged()
                                    ? "  DIVERGED at step " + r.run().divergedAt() : "", r.tail(GanLog::gradNormD),
                            r.tail(GanLog::gradNormG), r.run().seconds()));
                }
                results.add(new SchemeResult(scheme, scheme.apply(s.base(s.seed()), s.gamma()), runs));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("DD-4 interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a DD-4 run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            Parallel.setThreads(before);
        }
        MnistGan.Result mnist = s.mnistSteps() > 0 ? MnistGan.run(MnistGan.Settings.defaults(s.mnistSteps(), s.seed()), log)
                : null;
        return new Result(s, target, results, Dd4Claims.check(results), Dd4Claims.ranking(results), mnist,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Trains one run and scores its generator on evalSamples latents (a stream of their own) at
     * every logged round of the last {@link #TAIL} of training and at the end.
     */
    static SeedRun runOne(Gan gan, Mixture2d target, GanConfig c, int evalSamples) {
        Tensor z = gan.latents(evalSamples, Rng.seed(c.seed()).split(3), c.dtype());
        long from = (long) Math.ceil(c.steps() * (1 - TAIL));
        List<ModeCoverage> late = new ArrayList<>();
        GanRun run = GanTraining.train(gan, target, c, l -> { }, (step, state) -> {
            if (step >= from) {
                late.add(ModeCoverage.of(target, gan.generate(state.theta(), z)));
            }
        });
        if (late.isEmpty()) { // diverged before the last stretch: score the state it stopped at
            late.add(ModeCoverage.of(target, gan.generate(run.finalState().theta(), z)));
        }
        double[] all = gan.generate(run.finalState().theta(), z).toDoubleArray();
        return new SeedRun(c.seed(), run, late, Arrays.copyOf(all, Math.min(all.length, 2 * PLOT_POINTS)));
    }
}
