package org.occam.lab.igr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.claim.Outcome;
import org.occam.nn.Models;
import org.occam.tensor.Rng;
import org.occam.tensor.kernel.Parallel;

/**
 * Runs the IGR-2 / GC-2 check: every arm for every seed, then the claims. Runs are independent,
 * so with {@code workers} > 1 they run side by side (the kernels then run on one thread each);
 * results are collected by (arm, seed), so the output is bit-identical for any number of workers
 * and threads.
 */
public final class IgrSweep {
    private IgrSweep() {
    }

    /**
     * The main job: the check on the embedded MNIST, {@code workers} runs side by side; writes the
     * report into {@code dir} ({@link IgrSweepReport}) and returns the judged claims.
     *
     * @param s the settings
     * @param dir the output folder
     * @param log receives progress lines
     * @param workers how many runs train side by side
     * @return the judged claims, the setting and the report's path
     * @throws IOException when writing fails
     */
    public static Outcome reproduce(IgrSetting s, int workers, Path dir, Consumer<String> log) throws IOException {
        if (s.quick()) {
            log.accept(ClaimTable.QUICK_WARNING);
        }
        log.accept(String.format(Locale.ROOT, "IGR-2 / GC-2 on embedded MNIST: %s, %d training images, full-batch GD"
                + (s.sgdHs().length > 0 ? " and SGD (batch " + s.sgdBatch() + ")" : "") + " to training loss %s,"
                + " %d seeds, %d runs side by side", s.model(), s.trainSize(), s.lossTarget(), s.seeds(), workers));
        long t0 = System.nanoTime();
        IgrResult r = run(s, IgrData.embeddedMnist(s.trainSize(), s.dtype()), workers, log);
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.accept("Claims below the edge of stability: paired within seed, 95% t-interval over seeds.");
        return IgrSweepReport.write(r, seconds, dir);
    }

    /**
     * Runs the check on the given data; {@code log} receives one line per finished run (in finishing order).
     *
     * @param s the settings
     * @param data the training and test images
     * @param log receives progress lines
     * @param workers how many runs train side by side
     * @return the seed's runs
     */
    public static IgrResult run(IgrSetting s, IgrData data, int workers, Consumer<String> log) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        List<Task> tasks = new ArrayList<>();
        for (Arm arm : s.arms()) {
            for (long seed : s.seedList()) {
                tasks.add(new Task(tasks.size(), arm, seed));
            }
        }
        List<Task> byCost = new ArrayList<>(tasks);
        byCost.sort(Comparator.comparingDouble((Task t) -> -cost(t.arm())).thenComparingInt(Task::index));
        IgrRun[] runs = new IgrRun[tasks.size()];
        AtomicInteger done = new AtomicInteger();
        int threadsBefore = Parallel.threads();
        if (workers > 1) {
            Parallel.setThreads(1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "igr-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task t : byCost) {
                futures.add(pool.submit(() -> {
                    IgrRun r = EqualLossTraining.run(s, data, t.arm(), t.seed());
                    runs[t.index()] = r;
                    log.accept(describe(r, done.incrementAndGet(), tasks.size(), s.hLambdaLimit()));
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the IGR sweep", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            Parallel.setThreads(threadsBefore);
        }
        List<IgrRun> all = List.of(runs);
        double res = data.accuracyResolution();
        List<ClaimResult> claims = IgrClaims.belowEdgeOfStability(s, all, res);
        List<ClaimResult> context = IgrClaims.fullBatchGc(s, all, res);
        List<ClaimResult> eos = IgrClaims.edgeOfStability(s, all, res);
        int m = Models.parse(s.model()).init(Rng.seed(0), s.dtype()).numel();
        return new IgrResult(s, data.train().size(), data.test().size(), m, all, claims, context, eos);
    }

    /**
     * One line describing a finished run.
     *
     * @param r the result
     * @param done runs finished so far
     * @param total runs in all
     * @param limit the hλ_max limit
     * @return the line
     */
    public static String describe(IgrRun r, int done, int total, double limit) {
        String end = r.diverged() ? "DIVERGED" : r.reachedTarget() ? "at target" : "STEP LIMIT";
        String flag = r.arm().regime() == Arm.Regime.BELOW_EOS && r.exceeds(limit)
                ? String.format(Locale.ROOT, "  FLAG: h*lambda_max %.2f > %.2f", r.maxHLambda(), limit) : "";
        return String.format(Locale.ROOT,
                "[%2d/%d] %-26s seed %d  steps %5d  loss %.4f (%s)  max h*lambda %.3f  R_IG %.3e  lambda_max %.3f"
                        + "  GC %.2f  test_acc %.4f%s",
                done, total, r.arm().label(), r.seed(), r.steps(), r.trainLoss(), end, r.maxHLambda(), r.rIg(),
                r.lambdaMax(), r.gc(), r.testAccuracy(), flag);
    }

    /** Relative cost of an arm: steps ∝ 1/h, an EGR step costs about twice a GD step, an SGD epoch about one. */
    private static double cost(Arm arm) {
        return (arm.mu() > 0 ? 2.3 : arm.stochastic() ? 0.1 : 1.0) / arm.h();
    }

    private record Task(int index, Arm arm, long seed) {
    }
}
