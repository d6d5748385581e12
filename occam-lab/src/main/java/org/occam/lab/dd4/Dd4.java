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
import org.occam.games.gan.Dd4Setting;
import org.occam.games.gan.Estimator;
import org.occam.games.gan.Gan;
import org.occam.games.gan.GanConfig;
import org.occam.games.gan.GanLog;
import org.occam.games.gan.GanNets;
import org.occam.games.gan.GanRun;
import org.occam.games.gan.GanTraining;
import org.occam.games.gan.GeneratorLoss;
import org.occam.games.gan.Mixture2d;
import org.occam.games.gan.MixtureScore;
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
 * ({@link Dd4Scheme}) over several seeds and rate multipliers (several runs at a time); the faithful
 * setting normalises D spectrally and keeps η_D = 2η_G ({@link Dd4Setting#faithful()}). Each run's
 * generator is scored by {@link MixtureScore}: the sample W₂ to the target next to a perfect
 * generator's, modes covered (≥ 5 % of the samples within 3σ) and hit, the high-quality fraction
 * and the mode-histogram KLs both ways; its per-player gradient norms are logged. Because GAN
 * training oscillates, the scores are averaged over the logged rounds of the last {@link #TAIL} of
 * training (W₂ over {@link #W2_SNAPSHOTS} of them). The claims ({@link Dd4Claims}): cancelling the
 * interaction terms is at least as good as plain simultaneous SGD in W₂ and in stability;
 * alternating is more stable than simultaneous.
 */
public final class Dd4 {

    /** The id of the claims. */
    static final String ID = "DD-4";
    /** The last fraction of training whose logged rounds count as "final" (scores and gradient norms). */
    static final double TAIL = 0.1;

    /**
     * The reproduction's settings.
     *
     * @param name         the setting's name: "faithful" (METHODS §11, {@link Dd4Setting#faithful()}), "legacy"
     *                     (the earlier plain-D defaults) or "quick"
     * @param steps        training rounds per run
     * @param seeds        runs per scheme and rate, seeds seed, seed + 1, ...
     * @param schemes      the schemes compared
     * @param lrD          the discriminator's SGD rate η_D at scale 1
     * @param lrG          the generator's SGD rate η_G at scale 1
     * @param lrScales     the rate sweep: both rates times each scale (η_D / η_G fixed)
     * @param batch        real rows and latents per step
     * @param latent       the generator's latent size
     * @param hidden       the width of the two hidden layers of G and D
     * @param activation   the hidden activation
     * @param spectralNorm whether D's weights are spectrally normalised
     * @param estimator    the drift regularisers' dot-product estimator
     * @param gamma        the strength γ of SGA and consensus
     * @param evalSamples  generated samples scored per run (coverage, mode KLs)
     * @param w2Samples    of which the first this many enter the sample W₂
     * @param logEvery     log gradient norms (and score the generator late in training) every this many rounds
     * @param mnistSteps   rounds of the MNIST GAN (0: not run)
     * @param seed         the first seed
     */
    public record Settings(String name, int steps, int seeds, List<Dd4Scheme> schemes, double lrD, double lrG,
                           List<Double> lrScales, int batch, int latent, int hidden, Activation activation,
                           boolean spectralNorm, Estimator estimator, double gamma, int evalSamples, int w2Samples,
                           int logEvery, int mnistSteps, long seed) {
        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            schemes = List.copyOf(schemes);
            lrScales = List.copyOf(lrScales);
            if (steps < 1 || seeds < 1 || schemes.isEmpty() || batch < 1 || latent < 1 || hidden < 1 || evalSamples < 1
                    || w2Samples < 1 || logEvery < 1 || mnistSteps < 0) {
                throw new IllegalArgumentException("DD-4 needs steps, seeds, batch, latent, hidden, eval and W2 samples,"
                        + " log interval >= 1, at least one scheme and mnist steps >= 0");
            }
            if (!(lrD > 0) || !(lrG > 0) || !(gamma >= 0)) {
                throw new IllegalArgumentException("DD-4 needs positive learning rates and gamma >= 0, got lrD " + lrD
                        + ", lrG " + lrG + ", gamma " + gamma);
            }
            if (lrScales.isEmpty() || lrScales.stream().anyMatch(x -> !(x > 0) || !Double.isFinite(x))
                    || lrScales.stream().distinct().count() < lrScales.size()) {
                throw new IllegalArgumentException("--rates: DD-4 needs distinct positive finite rate multipliers, got "
                        + lrScales);
            }
            if (estimator == Estimator.UNBIASED && batch % 2 != 0) {
                throw new IllegalArgumentException("the unbiased estimator needs an even batch, got " + batch);
            }
            if (schemes.contains(Dd4Scheme.RK4) && lrD != lrG) {
                throw new IllegalArgumentException("the rk4 scheme takes one step size for both players, got lr_D " + lrD
                        + " and lr_G " + lrG + " (use --setting legacy or --lrs with one rate)");
            }
        }

        /** The schemes the legacy setting runs. */
        public static final List<Dd4Scheme> DEFAULT_SCHEMES = List.of(Dd4Scheme.SIMULTANEOUS, Dd4Scheme.ALTERNATING,
                Dd4Scheme.CANCEL, Dd4Scheme.SGA, Dd4Scheme.CONSENSUS);

        /** The setting names {@link #named} accepts. */
        public static final List<String> NAMES = List.of("faithful", "legacy");

        /**
         * METHODS §11 DD-4 ({@link Dd4Setting#faithful()}): spectral-normalised D, SGD η_D = 0.01,
         * η_G = 0.005 times {1, 2, 4, 8}, the saturating (zero-sum) loss, batch 128, the unbiased
         * estimator, 20,000 rounds, 10 seeds, schemes sim, alt, cancel; 2,500 samples scored, 1,000 in
         * W₂; SGA and consensus (when asked for) at γ = 0.05. About 50 minutes on 2 idle cores.
         *
         * @return the settings
         */
        public static Settings faithful() {
            Dd4Setting f = Dd4Setting.faithful();
            return new Settings("faithful", f.steps(), f.seeds(), Dd4Scheme.parseList(String.join(",", f.schemes())),
                    f.lrD(), f.lrG(), f.lrScales(), f.batch(), f.latent(), f.hidden(), f.activation(), true, f.estimator(),
                    0.05, f.evalSamples(), f.w2Samples(), f.logEvery(), 0, 0);
        }

        /**
         * The earlier defaults: plain (not normalised) D, 5,000 steps, 10 seeds, η_D = η_G = 0.05 (the
         * drift grows with η²; at 0.02–0.03 every scheme barely leaves its start in 5k steps, at 0.1–0.2
         * runs swing between collapse and spread from seed to seed), batch 256, the biased estimator,
         * latent 16, 2×64 ReLU, γ = 0.05 for SGA and consensus (at γ = η/2 SGA would repeat the cancel
         * run exactly, see {@link Dd4Report}), 2,500 evaluation samples (1,000 in W₂), logs every 25
         * steps, no MNIST GAN.
         *
         * @return the settings
         */
        public static Settings legacy() {
            return new Settings("legacy", 5000, 10, DEFAULT_SCHEMES, 0.05, 0.05, List.of(1.0), 256, 16, 64, Activation.RELU,
                    false, Estimator.BIASED, 0.05, 2500, 1000, 25, 0, 0);
        }

        /**
         * The setting of a name in {@link #NAMES}.
         *
         * @param name faithful or legacy
         * @return the settings
         */
        public static Settings named(String name) {
            return switch (name == null ? "faithful" : name.trim()) {
                case "faithful" -> faithful();
                case "legacy" -> legacy();
                default -> throw new IllegalArgumentException("--setting: unknown setting '" + name + "': allowed values"
                        + " are " + String.join(", ", NAMES));
            };
        }

        /**
         * {@code --quick}: this setting at 30 steps, 2 seeds, its first rate multiplier only, 500
         * evaluation samples (200 in W₂), logs every 10 steps.
         *
         * @return the settings
         */
        public Settings quick() {
            return new Settings(name + " (quick)", 30, 2, schemes, lrD, lrG, List.of(lrScales.getFirst()), batch, latent,
                    hidden, activation, spectralNorm, estimator, gamma, 500, 200, 10, mnistSteps, seed);
        }

        /**
         * The GAN every run trains.
         *
         * @return the GAN
         */
        public Gan gan() {
            return GanNets.toy2d(latent, hidden, activation, GeneratorLoss.SATURATING);
        }

        /**
         * The base config (plain simultaneous SGD, exact drift coefficients) for one seed at rate scale 1.
         *
         * @param runSeed the run's seed
         * @return the config
         */
        public GanConfig base(long runSeed) {
            return base(runSeed, 1);
        }

        /**
         * The base config (plain simultaneous SGD at rates (η_D, η_G)·scale, exact drift coefficients) for one seed.
         *
         * @param runSeed the run's seed
         * @param lrScale the factor on both rates
         * @return the config
         */
        public GanConfig base(long runSeed, double lrScale) {
            return new GanConfig(UpdateScheme.simultaneous(), lrD * lrScale, lrG * lrScale, batch, steps,
                    DriftRegularizers.none(), DriftCoefficients.Convention.EXACT, estimator, false, logEvery, runSeed,
                    DType.FLOAT32).withSpectralNorm(spectralNorm);
        }
    }

    /**
     * One scheme on one seed.
     *
     * @param seed    the run's seed
     * @param run     the training run
     * @param late    the coverage of the generator at the logged rounds of the last {@link #TAIL} of
     *                training, the final generator last (the same evaluation latents each time)
     * @param scores  the full score (W₂ and its perfect-generator floor included) of up to
     *                {@link #W2_SNAPSHOTS} of those snapshots, spread over the stretch, the final one last
     * @param samples the final generator's points for the scatter plot, x0, y0, x1, y1, ...
     */
    public record SeedRun(long seed, GanRun run, List<ModeCoverage> late, List<MixtureScore> scores, double[] samples) {
        /** Refuses settings out of range, with one line naming the field. */
        public SeedRun {
            late = List.copyOf(late);
            scores = List.copyOf(scores);
            if (late.isEmpty() || scores.isEmpty()) {
                throw new IllegalArgumentException("a DD-4 run needs at least the final generator's scores");
            }
        }

        /**
         * The final generator's coverage.
         *
         * @return the coverage
         */
        public ModeCoverage coverage() {
            return late.getLast();
        }

        /**
         * The final generator's full score.
         *
         * @return the score
         */
        public MixtureScore score() {
            return scores.getLast();
        }

        /**
         * Modes covered, averaged over the late snapshots.
         *
         * @return the mean count
         */
        public double covered() {
            return late.stream().mapToDouble(ModeCoverage::covered).average().orElseThrow();
        }

        /**
         * Modes hit (VEEGAN), averaged over the late snapshots.
         *
         * @return the mean count
         */
        public double hit() {
            return late.stream().mapToDouble(ModeCoverage::hit).average().orElseThrow();
        }

        /**
         * The high-quality fraction, averaged over the late snapshots.
         *
         * @return the mean fraction
         */
        public double highQuality() {
            return late.stream().mapToDouble(ModeCoverage::highQualityFraction).average().orElseThrow();
        }

        /**
         * KL(q ‖ p̂) of the mode histogram (with the far bin), averaged over the late snapshots.
         *
         * @return the mean KL
         */
        public double modeKl() {
            return late.stream().mapToDouble(ModeCoverage::modeKl).average().orElseThrow();
        }

        /**
         * KL(p̂ ‖ q) of the mode histogram (with the far bin), averaged over the late snapshots.
         *
         * @return the mean KL
         */
        public double reverseModeKl() {
            return late.stream().mapToDouble(ModeCoverage::reverseModeKl).average().orElseThrow();
        }

        /**
         * The sample W₂ to the target, averaged over the scored snapshots.
         *
         * @return the mean W₂
         */
        public double w2() {
            return scores.stream().mapToDouble(MixtureScore::w2).average().orElseThrow();
        }

        /**
         * The W₂ a perfect generator scores at the same sample size (same reference samples), averaged likewise.
         *
         * @return the mean floor
         */
        public double w2Floor() {
            return scores.stream().mapToDouble(MixtureScore::w2Floor).average().orElseThrow();
        }

        /**
         * The final (tail-mean) value of a logged quantity; NaN for a diverged run.
         *
         * @param f the quantity
         * @return its tail mean
         */
        public double tail(ToDoubleFunction<GanLog> f) {
            return run.diverged() ? Double.NaN : run.tailMean(f, TAIL);
        }

        /**
         * The fluctuation of the gradient norms over the second half of training: the standard
         * deviation of log10‖∇_φL_φ‖ plus that of log10‖∇_θL_θ‖ over the logged steps. Blow-ups and
         * saturation collapses (a generator whose gradient vanishes by orders of magnitude) both
         * make it large; a steady game keeps it small. NaN for a diverged run, or one with fewer than two
         * logged rounds in its second half.
         *
         * @return the spread
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

    /**
     * One scheme at one rate multiplier over all seeds, with its summary statistics.
     *
     * @param runs one run per seed
     * @param scheme the training scheme
     * @param lrScale the factor on both rates
     * @param config the base config the scheme modifies
     */
    public record SchemeResult(Dd4Scheme scheme, double lrScale, GanConfig config, List<SeedRun> runs) {
        /** Copies the runs. */
        public SchemeResult {
            runs = List.copyOf(runs);
        }

        /**
         * The scheme's key, with the rate multiplier when it is not 1 (e.g. "cancel x2").
         *
         * @return the label
         */
        public String label() {
            return lrScale == 1 ? scheme.key() : scheme.key() + " x" + Dd4Report.num(lrScale);
        }

        /**
         * The scheme's title with the rates it ran at.
         *
         * @return the title
         */
        public String title() {
            return String.format(Locale.ROOT, "%s, x%s", scheme.title(), Dd4Report.num(lrScale));
        }

        /**
         * The sample W₂ to the target (late snapshots averaged per run).
         *
         * @return mean and sd over seeds
         */
        public Dd4Stats w2() {
            return stats(SeedRun::w2);
        }

        /**
         * A perfect generator's W₂ at the same sample size, per run's reference samples.
         *
         * @return mean and sd over seeds
         */
        public Dd4Stats w2Floor() {
            return stats(SeedRun::w2Floor);
        }

        /**
         * KL(q ‖ p̂) of the mode histogram, late-training average per run.
         *
         * @return mean and sd over seeds
         */
        public Dd4Stats modeKl() {
            return stats(SeedRun::modeKl);
        }

        /**
         * KL(p̂ ‖ q) of the mode histogram, late-training average per run.
         *
         * @return mean and sd over seeds
         */
        public Dd4Stats reverseModeKl() {
            return stats(SeedRun::reverseModeKl);
        }

        /**
         * Modes covered (≥ 5 % of the samples within 3σ), late-training average per run.
         *
         * @return mean and sd over seeds
         */
        public Dd4Stats covered() {
            return stats(SeedRun::covered);
        }

        /**
         * Modes with at least one high-quality sample (VEEGAN's count), late-training average per run.
         *
         * @return mean and sd over seeds
         */
        public Dd4Stats hit() {
            return stats(SeedRun::hit);
        }

        /**
         * The fraction of high-quality samples, late-training average per run.
         *
         * @return mean and sd over seeds
         */
        public Dd4Stats highQuality() {
            return stats(SeedRun::highQuality);
        }

        /**
         * The final ‖∇_φ L_φ‖ (discriminator) over the runs that did not diverge.
         *
         * @return mean and sd over the runs
         */
        public Dd4Stats gradNormD() {
            return stats(r -> r.tail(GanLog::gradNormD));
        }

        /**
         * The final ‖∇_θ L_θ‖ (generator) over the runs that did not diverge.
         *
         * @return mean and sd over the runs
         */
        public Dd4Stats gradNormG() {
            return stats(r -> r.tail(GanLog::gradNormG));
        }

        /**
         * The gradient-norm fluctuation {@link SeedRun#gradSpread()} over the runs that did not diverge.
         *
         * @return mean and sd over the runs
         */
        public Dd4Stats gradSpread() {
            return stats(SeedRun::gradSpread);
        }

        /**
         * The number of diverged runs.
         *
         * @return the number of diverged runs
         */
        public int diverged() {
            return (int) runs.stream().filter(r -> r.run().diverged()).count();
        }

        /**
         * Total training time of the scheme's runs.
         *
         * @return the seconds
         */
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
     * @param settings the settings it ran with
     * @param target   the ring
     * @param schemes  one result per scheme, in the settings' order
     * @param claims   the claims checked
     * @param ranking  the scheme results by mean W₂ to the target, then high-quality fraction (best first)
     * @param mnist    the MNIST GAN, or null when not asked for
     * @param seconds  wall time
     */
    public record Result(Settings settings, Mixture2d target, List<SchemeResult> schemes, List<ClaimResult> claims,
                         List<SchemeResult> ranking, MnistGan.Result mnist, double seconds) {
        /**
         * The result of a scheme, or null when it was not run.
         *
         * @param s the scheme
         * @return its result, or null
         */
        public SchemeResult of(Dd4Scheme s) {
            return schemes.stream().filter(r -> r.scheme() == s).findFirst().orElse(null);
        }
    }

    /** Late snapshots per run whose sample W₂ is computed (an exact assignment, O(n³) each). */
    static final int W2_SNAPSHOTS = 5;

    /** Generated points kept per run for the scatter plots. */
    static final int PLOT_POINTS = 1000;

    private Dd4() {
    }

    /**
     * Runs every scheme on every seed (several runs at a time, one kernel thread each) and checks the claims.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return every scheme's runs and the judged claims
     */
    public static Result run(Settings s, Consumer<String> log) {
        return run(s, Runtime.getRuntime().availableProcessors(), log);
    }

    /**
     * Runs every scheme on every seed, at most {@code parallel} runs at a time (one kernel thread
     * each; results do not depend on it), and judges the claims over the seeds.
     *
     * @param s the settings
     * @param parallel how many runs train at once
     * @param log receives progress lines
     * @return every scheme's runs and the judged claims
     */
    public static Result run(Settings s, int parallel, Consumer<String> log) {
        long t0 = System.nanoTime();
        Mixture2d target = Mixture2d.ring();
        Gan gan = s.gan();
        List<Future<SeedRun>> futures = new ArrayList<>();
        int jobs = s.lrScales().size() * s.schemes().size() * s.seeds();
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
            for (double scale : s.lrScales()) {
                for (Dd4Scheme scheme : s.schemes()) {
                    for (int i = 0; i < s.seeds(); i++) {
                        GanConfig c = scheme.apply(s.base(s.seed() + i, scale), s.gamma());
                        futures.add(pool.submit(() -> runOne(gan, target, c, s.evalSamples(), s.w2Samples())));
                    }
                }
            }
            int k = 0;
            for (double scale : s.lrScales()) {
                for (Dd4Scheme scheme : s.schemes()) {
                    List<SeedRun> runs = new ArrayList<>();
                    for (int i = 0; i < s.seeds(); i++) {
                        SeedRun r = futures.get(k++).get();
                        runs.add(r);
                        log.accept(String.format(Locale.ROOT, "%-52s seed %d: W2 %.3f (perfect %.3f), covered %.2f, hit %.2f,"
                                + " high quality %5.1f%%, KL(q||p) %.2f, KL(p||q) %.2f (late mean)%s  |grad D| %.3g  |grad G|"
                                + " %.3g  [%.1fs]", scheme.title() + ", x" + Dd4Report.num(scale), r.seed(), r.w2(),
                                r.w2Floor(), r.covered(), r.hit(), 100 * r.highQuality(), r.modeKl(), r.reverseModeKl(),
                                r.run().diverged() ? "  DIVERGED at step " + r.run().divergedAt() : "",
                                r.tail(GanLog::gradNormD), r.tail(GanLog::gradNormG), r.run().seconds()));
                    }
                    results.add(new SchemeResult(scheme, scale, scheme.apply(s.base(s.seed(), scale), s.gamma()), runs));
                }
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
     * every logged round of the last {@link #TAIL} of training and at the end: coverage and mode KLs
     * at each, the sample W₂ on the first w2Samples of them at up to {@link #W2_SNAPSHOTS} snapshots
     * spread over the stretch (the final one included), against the same reference samples each time.
     */
    static SeedRun runOne(Gan gan, Mixture2d target, GanConfig c, int evalSamples, int w2Samples) {
        Tensor z = gan.latents(evalSamples, Rng.seed(c.seed()).split(3), c.dtype());
        long from = (long) Math.ceil(c.steps() * (1 - TAIL));
        List<Tensor> late = new ArrayList<>();
        GanRun run = GanTraining.train(gan, target, c, l -> { }, (step, state) -> {
            if (step >= from) {
                late.add(gan.generate(state.theta(), z));
            }
        });
        if (late.isEmpty()) { // diverged before the last stretch: score the state it stopped at
            late.add(gan.generate(run.finalState().theta(), z));
        }
        List<ModeCoverage> coverage = late.stream().map(x -> ModeCoverage.of(target, x)).toList();
        List<MixtureScore> scores = new ArrayList<>();
        int stride = Math.max(1, late.size() / W2_SNAPSHOTS);
        for (int i = late.size() - 1, n = 0; i >= 0 && n < W2_SNAPSHOTS; i -= stride, n++) {
            scores.addFirst(MixtureScore.of(target, late.get(i), w2Samples, Rng.seed(c.seed()).split(4)));
        }
        double[] all = gan.generate(run.finalState().theta(), z).toDoubleArray();
        return new SeedRun(c.seed(), run, coverage, scores, Arrays.copyOf(all, Math.min(all.length, 2 * PLOT_POINTS)));
    }
}
