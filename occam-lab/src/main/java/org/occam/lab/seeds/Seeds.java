package org.occam.lab.seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.occam.tensor.kernel.Parallel;

/**
 * The seeds a reproduction runs (first, first + 1, …) and how many run at once. Each seed's run is
 * independent and deterministic, so a pool of {@code parallel} threads (each run single-threaded
 * inside, as the sweep pool does) gives the same results, in seed order, as a serial loop.
 *
 * <p>With a {@link SeedBackend} ({@code --spark}), {@link SeedRuns#reproduce} runs each seed as a
 * task there instead; the results are the same.
 *
 * @param first    the first seed
 * @param count    how many seeds
 * @param parallel how many seeds run at once (1: serial)
 * @param backend  where {@link SeedRuns#reproduce} runs the seeds, or null for this JVM's pool
 */
public record Seeds(long first, int count, int parallel, SeedBackend backend) {
    /** The fewest seeds a run without {@code --quick} may use (docs/claims.md). */
    public static final int MIN_EVIDENCE = 5;

    /** Checks count ≥ 1 and parallel ≥ 1. */
    public Seeds {
        if (count < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, got " + count);
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
    }

    /**
     * Seeds on this JVM's pool.
     *
     * @param first    the first seed
     * @param count    how many seeds
     * @param parallel how many run at once
     */
    public Seeds(long first, int count, int parallel) {
        this(first, count, parallel, null);
    }

    /**
     * The count, for a reproduction whose runs use seeds 0..count−1 only; a first seed other than 0
     * is refused with one line naming {@code --seed}.
     *
     * @param who the reproduction's name, for the message
     * @return the count
     */
    public int fromZero(String who) {
        if (first != 0) {
            throw new UnsupportedOperationException("--seed: " + who + " runs seeds 0..N-1; a first seed other than 0"
                    + " is not implemented (got " + first + "), drop --seed");
        }
        return count;
    }

    /**
     * The seeds in order.
     *
     * @return the seeds
     */
    public long[] values() {
        long[] s = new long[count];
        for (int i = 0; i < count; i++) {
            s[i] = first + i;
        }
        return s;
    }

    /**
     * {@code body} applied to every seed, results in seed order; a failure in any seed is rethrown.
     *
     * @param <T> the result type
     * @param body one seed's work
     * @return the results
     */
    public <T> List<T> map(LongFunction<T> body) {
        List<T> out = new ArrayList<>(count);
        if (parallel == 1 || count == 1) {
            for (long s : values()) {
                out.add(body.apply(s));
            }
            return out;
        }
        int threads = Parallel.threads();
        Parallel.setThreads(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, count), r -> {
            Thread t = new Thread(r, "occam-seed");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (long s : values()) {
                futures.add(pool.submit(() -> body.apply(s)));
            }
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running seeds", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            Parallel.setThreads(threads);
        }
    }
}
