package org.occam.cli.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What SIGINT and SIGTERM (the JVM's shutdown) do to the work of this process: one shutdown hook,
 * installed on first use, that (1) marks the shutdown as requested, so every run in progress stops
 * at its next metrics row and records itself as interrupted ({@link Runner}), (2) asks every child
 * process to end (SIGTERM, then SIGKILL after {@link #CHILD_GRACE_SECONDS}, descendants included),
 * and (3) waits for the runs in progress to finish their bookkeeping, at most
 * {@link #RUN_GRACE_SECONDS}. The JVM then exits with 130 (SIGINT) or 143 (SIGTERM).
 */
public final class Interrupts {
    private Interrupts() {
    }

    /** How long a child process gets to end after SIGTERM before it is killed. */
    public static final long CHILD_GRACE_SECONDS = 20;
    /** How long the hook waits for the runs in progress to record their interruption. */
    public static final long RUN_GRACE_SECONDS = 30;

    private static volatile boolean requested;
    private static final Set<Active> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();
    private static final Object INSTALL = new Object();
    private static volatile boolean installed;

    /** A piece of work in progress that the shutdown waits for; closing it says the work has stopped. */
    public static final class Active implements AutoCloseable {
        private final java.util.concurrent.CountDownLatch done = new CountDownLatch(1);

        private Active() {
        }

        @Override
        public void close() {
            ACTIVE.remove(this);
            done.countDown();
        }
    }

    /** Whether the process is shutting down (a signal arrived, or the parent process ended). */
    public static boolean requested() {
        return requested;
    }

    /** Registers work in progress (a run): the shutdown waits for its {@link Active#close()}. */
    public static Active enter() {
        install();
        Active a = new Active();
        ACTIVE.add(a);
        return a;
    }

    /** Registers a child process: the shutdown ends it (and its descendants) before the JVM exits. */
    public static void child(Process p) {
        install();
        CHILDREN.add(p);
    }

    /** Forgets a child process that has ended. */
    public static void forget(Process p) {
        CHILDREN.remove(p);
    }

    private static void install() {
        if (installed) {
            return;
        }
        synchronized (INSTALL) {
            if (!installed) {
                Runtime.getRuntime().addShutdownHook(new Thread(Interrupts::shutdown, "occam-interrupts"));
                installed = true;
            }
        }
    }

    private static void shutdown() {
        requested = true;
        for (Process p : CHILDREN) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        long childDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_GRACE_SECONDS);
        for (Process p : CHILDREN) {
            try {
                if (!p.waitFor(Math.max(0, childDeadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        long runDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_GRACE_SECONDS);
        for (Active a : ACTIVE) {
            try {
                a.done.await(Math.max(0, runDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
