package org.occam.lab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.occam.tensor.kernel.Parallel;

/**
 * Runs a reproduction's independent runs, {@code parallel} at a time, and returns their results
 * in task order. Each run is deterministic in its own inputs and the kernels are bit-identical for
 * any thread count, so the results do not depend on {@code parallel}; with more than one run at a
 * time every run gets one kernel thread (as {@code occam sweep --parallel} does).
 */
public final class RunPool {
    private RunPool() {
    }

    /**
     * f applied to every task, {@code parallel} at a time (1: one after another on this thread).
     *
     * @param <T> the task type
     * @param <R> the result type
     * @param tasks the work items
     * @param parallel how many run at once
     * @param f the work of one task
     * @return the results, in task order
     */
    public static <T, R> List<R> map(List<T> tasks, int parallel, Function<T, R> f) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
        if (parallel == 1 || tasks.size() <= 1) {
            List<R> out = new ArrayList<>();
            for (T t : tasks) {
                out.add(f.apply(t));
            }
            return out;
        }
        int before = Parallel.threads();
        Parallel.setThreads(1);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, tasks.size()), r -> {
            Thread t = new Thread(r, "occam-lab-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T t : tasks) {
                futures.add(pool.submit(() -> f.apply(t)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("runs interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            Parallel.setThreads(before);
        }
    }
}
