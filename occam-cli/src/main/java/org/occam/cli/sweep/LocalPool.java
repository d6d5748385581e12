package org.occam.cli.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.occam.tensor.kernel.Parallel;

/**
 * Runs a sweep in this process, {@code parallel} runs at a time in index order. With more than one
 * at a time, each run is single-threaded: the kernel thread count (process-wide) is set to 1 for
 * the whole sweep. With one at a time, a run gets the threads the base config asks for (else the
 * default). Results do not depend on either.
 */
public final class LocalPool implements SweepBackend {
    private final int parallel;
    private final int threads;

    /**
     * @param parallel runs at a time (at least 1)
     * @param threads  kernel threads when parallel is 1 (0: leave the default)
     */
    public LocalPool(int parallel, int threads) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
        this.parallel = parallel;
        this.threads = threads;
    }

    @Override
    public String describe() {
        return parallel == 1 ? "one run at a time" : "local pool of " + parallel + " (1 thread per run)";
    }

    @Override
    public List<RunResult> run(List<RunTask> tasks, Consumer<RunResult> done) {
        int before = Parallel.threads();
        if (parallel > 1) {
            Parallel.setThreads(1);
        } else if (threads > 0) {
            Parallel.setThreads(threads);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, tasks.size())), r -> {
            Thread t = new Thread(r, "occam-sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (RunTask t : tasks) {
                futures.add(pool.submit(() -> {
                    RunResult r = SweepRuns.execute(t);
                    done.accept(r);
                    return r;
                }));
            }
            List<RunResult> out = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            Parallel.setThreads(before);
        }
    }

    /** The local pool writes no Parquet (see {@link Sweeps}): results.csv is the table. */
    @Override
    public boolean writeParquet(ResultsTable table, Path target) {
        return false;
    }

    @Override
    public void close() {
    }
}
