package org.occam.tensor.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The one small thread pool of the process.
 *
 * <p>Work is split into chunks whose boundaries depend only on the problem size and the grain the
 * caller gives, never on the thread count, and every chunk writes only its own outputs. That is
 * why a kernel gives bit-identical results with 1 or 2 threads: the threads only decide who runs a
 * chunk, not what a chunk computes. Reductions combine per-chunk partials in chunk order.
 */
public final class Parallel {

    /** A body that handles the index range [from, to). */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    private static volatile int threads = defaultThreads();
    private static Worker[] workers = new Worker[0];
    private static final java.util.concurrent.locks.ReentrantLock POOL =
            new java.util.concurrent.locks.ReentrantLock();

    private Parallel() {
    }

    private static int defaultThreads() {
        String env = System.getenv("OCCAM_THREADS");
        if (env != null && !env.isBlank()) {
            return Math.max(1, Integer.parseInt(env.trim()));
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Number of threads kernels may use (the calling thread included). */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads kernels may use; 1 runs everything on the calling thread. */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        threads = n;
    }

    /**
     * Runs body over [0, n) in chunks of {@code grain} indices (the last one shorter). With one
     * chunk, or one thread, it runs inline on the caller.
     */
    public static void forRange(int n, int grain, Range body) {
        if (n <= 0) {
            return;
        }
        int g = Math.max(1, grain);
        int chunks = (n + g - 1) / g;
        int t = Math.min(threads, chunks);
        if (t <= 1 || Thread.currentThread() instanceof Worker || POOL.isHeldByCurrentThread() || !POOL.tryLock()) {
            // Inline: single thread, nested call (on a worker or on the caller of the running job:
            // a nested job would replace the outer one in a worker's slot before it woke, leaving
            // the outer loop to the caller alone), or another thread holds the pool.
            for (int c = 0; c < chunks; c++) {
                body.run(c * g, Math.min(n, (c + 1) * g));
            }
            return;
        }
        Job job = new Job(n, g, chunks, body);
        try {
            Worker[] ws = ensureWorkers(t - 1);
            for (int i = 0; i < t - 1; i++) {
                ws[i].submit(job);
            }
            job.work();
            job.awaitChunks();
        } finally {
            POOL.unlock();
        }
        Throwable err = job.error.get();
        if (err != null) {
            if (err instanceof RuntimeException re) {
                throw re;
            }
            if (err instanceof Error e) {
                throw e;
            }
            throw new RuntimeException(err);
        }
    }

    private static synchronized Worker[] ensureWorkers(int n) {
        if (workers.length < n) {
            Worker[] grown = new Worker[n];
            System.arraycopy(workers, 0, grown, 0, workers.length);
            for (int i = workers.length; i < n; i++) {
                grown[i] = new Worker(i);
                grown[i].start();
            }
            workers = grown;
        }
        return workers;
    }

    /**
     * One parallel loop. Threads claim chunks from a counter; the caller returns as soon as every
     * chunk is done, never waiting for a helper that was descheduled before it claimed anything.
     */
    private static final class Job {
        final int n;
        final int grain;
        final int chunks;
        final Range body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final Thread owner = Thread.currentThread();

        Job(int n, int grain, int chunks, Range body) {
            this.n = n;
            this.grain = grain;
            this.chunks = chunks;
            this.body = body;
        }

        void work() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    if (error.get() == null) {
                        body.run(c * grain, Math.min(n, (c + 1) * grain));
                    }
                } catch (Throwable t) {
                    error.compareAndSet(null, t);
                } finally {
                    if (done.incrementAndGet() == chunks && Thread.currentThread() != owner) {
                        LockSupport.unpark(owner);
                    }
                }
            }
        }

        void awaitChunks() {
            int spins = 0;
            while (done.get() < chunks) {
                if (spins++ < 20_000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }

    private static final class Worker extends Thread {
        private final AtomicReference<Job> slot = new AtomicReference<>();

        Worker(int index) {
            super("occam-kernel-" + index);
            setDaemon(true);
        }

        void submit(Job j) {
            slot.set(j);
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                Job j = slot.getAndSet(null);
                int spins = 0;
                while (j == null) {
                    if (spins++ < 20_000) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                    j = slot.getAndSet(null);
                }
                j.work();
            }
        }
    }
}
