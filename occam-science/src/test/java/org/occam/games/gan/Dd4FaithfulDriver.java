package org.occam.games.gan;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.tensor.kernel.Parallel;

/**
 * A reduced run of {@link Dd4Setting#faithful()} (not a test, not the full run): {@code main(steps,
 * seeds, schemes, scales, workers)}, e.g. {@code 20000 2 sim,alt,cancel 1 2}. Prints one line per
 * run (wall time, coverage, distances, gradient-norm fluctuation), then per-scheme means. The
 * scores average the generator at the rounds logged in the last 10 % of training (every 500th) and
 * the final one, with the same evaluation latents.
 */
public final class Dd4FaithfulDriver {
    private Dd4FaithfulDriver() {
    }

    /** Print the scores every this many rounds while training. */
    private static final int PROGRESS = 5000;

    record Result(String scheme, double scale, long seed, double seconds, double cpuSeconds, boolean diverged, double covered, double hit,
                  double hq, double w2, double floor, double kl, double rkl, double spread) {
    }

    public static void main(String[] args) throws Exception {
        int steps = Integer.parseInt(args[0]);
        int seeds = Integer.parseInt(args[1]);
        List<String> schemes = List.of(args[2].split(","));
        List<Double> scales = Arrays.stream(args[3].split(",")).map(Double::parseDouble).toList();
        int workers = Integer.parseInt(args[4]);
        Dd4Setting s = Dd4Setting.faithful().reduced(steps, seeds, schemes, scales);
        System.out.println("setting: " + s);
        Parallel.setThreads(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Result>> futures = new ArrayList<>();
        for (double scale : scales) {
            for (String scheme : schemes) {
                for (int seed = 0; seed < seeds; seed++) {
                    long sd = seed;
                    futures.add(pool.submit(() -> one(s, scheme, sd, scale)));
                }
            }
        }
        List<Result> all = new ArrayList<>();
        for (Future<Result> f : futures) {
            Result r = f.get();
            all.add(r);
            System.out.printf(Locale.ROOT, "%-7s x%.2f seed %d: %6.1fs wall %6.1fs cpu%s covered %.2f hit %.2f hq %.3f W2 %.3f (floor %.3f)"
                    + " KL(q||p) %.3f KL(p||q) %.3f gradspread %.3f%n", r.scheme(), r.scale(), r.seed(), r.seconds(),
                    r.cpuSeconds(), r.diverged() ? " DIVERGED" : "", r.covered(), r.hit(), r.hq(), r.w2(), r.floor(), r.kl(), r.rkl(),
                    r.spread());
        }
        pool.shutdown();
        for (double scale : scales) {
            for (String scheme : schemes) {
                List<Result> rs = all.stream().filter(r -> r.scheme().equals(scheme) && r.scale() == scale).toList();
                System.out.printf(Locale.ROOT, "MEAN %-7s x%.2f (n=%d): covered %.2f hit %.2f hq %.3f W2 %.3f KL(q||p) %.3f"
                        + " KL(p||q) %.3f gradspread %.3f  [%.0fs wall, %.0fs cpu per run]%n", scheme, scale, rs.size(),
                        mean(rs, Result::covered), mean(rs, Result::hit), mean(rs, Result::hq), mean(rs, Result::w2),
                        mean(rs, Result::kl), mean(rs, Result::rkl), mean(rs, Result::spread), mean(rs, Result::seconds), mean(rs, Result::cpuSeconds));
            }
        }
    }

    private static double mean(List<Result> rs, java.util.function.ToDoubleFunction<Result> f) {
        return rs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    static Result one(Dd4Setting s, String scheme, long seed, double scale) {
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        GanConfig c = s.config(scheme, seed, scale);
        Gan gan = s.gan();
        Tensor z = gan.latents(s.evalSamples(), Rng.seed(seed).split(3), c.dtype());
        long from = (long) Math.ceil(s.steps() * 0.9);
        List<MixtureScore> late = new ArrayList<>();
        GanRun run = GanTraining.train(gan, s.target(), c, l -> { }, (step, state) -> {
            boolean isLate = step >= from && (step % 500 == 0 || step == s.steps());
            boolean progress = step > 0 && step % PROGRESS == 0;
            if (isLate || progress) {
                MixtureScore m = MixtureScore.of(s.target(), gan.generate(state.theta(), z), s.w2Samples(),
                        Rng.seed(seed).split(4));
                if (isLate) {
                    late.add(m);
                }
                if (progress) {
                    System.out.printf(Locale.ROOT, "  progress %-7s x%.2f seed %d step %d: %s%n", scheme, scale, seed, step, m);
                }
            }
        });
        if (late.isEmpty()) {
            late.add(MixtureScore.of(s.target(), gan.generate(run.finalState().theta(), z), s.w2Samples(),
                    Rng.seed(seed).split(4)));
        }
        List<GanLog> tail = run.logs().stream().filter(l -> l.step() >= s.steps() / 2).toList();
        double spread = sdLog10(tail, true) + sdLog10(tail, false);
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new Result(scheme, scale, seed, run.seconds(), cpu, run.diverged(),
                late.stream().mapToDouble(m -> m.coverage().covered()).average().orElseThrow(),
                late.stream().mapToDouble(m -> m.coverage().hit()).average().orElseThrow(),
                late.stream().mapToDouble(m -> m.coverage().highQualityFraction()).average().orElseThrow(),
                late.stream().mapToDouble(MixtureScore::w2).average().orElseThrow(),
                late.stream().mapToDouble(MixtureScore::w2Floor).average().orElseThrow(),
                late.stream().mapToDouble(MixtureScore::modeKl).average().orElseThrow(),
                late.stream().mapToDouble(MixtureScore::reverseModeKl).average().orElseThrow(), spread);
    }

    /** The standard deviation of log10 of a player's gradient norm over the logs (METHODS §11 DD-4 "fluctuation"). */
    private static double sdLog10(List<GanLog> logs, boolean d) {
        double[] v = logs.stream().mapToDouble(l -> d ? l.gradNormD() : l.gradNormG()).filter(x -> x > 0 && Double.isFinite(x))
                .map(Math::log10).toArray();
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
