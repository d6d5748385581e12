package org.occam.cli.run;

import java.util.Optional;

/**
 * Makes a child JVM end with the process that started it, even when that parent is killed with
 * SIGKILL (which runs no shutdown hook there): the parent passes its pid in {@link #ENV}, and a
 * daemon thread here checks every {@link #PERIOD_MILLIS} ms that this process's parent is still
 * that pid (a dead parent's children are re-parented). When it is not, this JVM exits with 143 as
 * if it had received SIGTERM, so its runs record themselves as interrupted ({@link Interrupts}) and
 * release their folder locks.
 */
public final class ParentWatch {
    private ParentWatch() {
    }

    /** The environment variable holding the parent's pid. */
    public static final String ENV = "OCCAM_PARENT_PID";
    /** How often the parent is checked. */
    public static final long PERIOD_MILLIS = 200;

    /** Starts the watch when {@link #ENV} names a parent pid; does nothing otherwise. */
    public static void installFromEnvironment() {
        String v = System.getenv(ENV);
        if (v == null || v.isBlank()) {
            return;
        }
        long parent;
        try {
            parent = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + " must be a process id, got '" + v + "'");
        }
        Thread t = new Thread(() -> watch(parent), "occam-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watch(long parent) {
        while (true) {
            Optional<ProcessHandle> p = ProcessHandle.current().parent();
            if (p.isEmpty() || p.get().pid() != parent || !p.get().isAlive()) {
                System.err.println("occam: the parent process " + parent + " has ended; stopping");
                System.exit(143);
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
