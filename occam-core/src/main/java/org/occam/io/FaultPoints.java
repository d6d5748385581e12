package org.occam.io;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points where the fault-injection tests make a process fail on purpose; inert unless the
 * system property {@value #PROPERTY} is set (it never is outside those tests). The property is
 * {@code POINT:ACTION[@N]}: at the N-th time (default 1) the process passes {@code POINT}, it
 * either halts at once with exit code 137, like SIGKILL, running no shutdown hook ({@code halt}),
 * or throws {@code IOException("No space left on device")} as a full disk would ({@code enospc}).
 * {@code POINT:slow} instead sleeps {@value #SLOW_MILLIS} ms at every pass, so that a test can
 * start a second process while the first is surely still working.
 */
public final class FaultPoints {
    private FaultPoints() {
    }

    /** The system property that arms a fault. */
    public static final String PROPERTY = "occam.fault";
    /** Inside a checkpoint save: the model file is written, the optimizer file not yet. */
    public static final String CHECKPOINT_MIDWAY = "checkpoint-midway";
    /** Before a metrics row is appended. */
    public static final String METRICS_ROW = "metrics-row";
    /** The pause of the {@code slow} action. */
    public static final long SLOW_MILLIS = 20;

    private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();

    /**
     * Passes {@code point}: does nothing unless a fault is armed there.
     *
     * @param point the name of this place in the code, one of the constants here (e.g. {@link #METRICS_ROW})
     * @throws IOException the injected "No space left on device" when {@code enospc} is armed at {@code point}
     */
    public static void hit(String point) throws IOException {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || !spec.startsWith(point + ":")) {
            return;
        }
        String rest = spec.substring(point.length() + 1);
        if (rest.equals("slow")) {
            try {
                Thread.sleep(SLOW_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        int at = rest.indexOf('@');
        String action = at < 0 ? rest : rest.substring(0, at);
        int n = at < 0 ? 1 : Integer.parseInt(rest.substring(at + 1));
        if (HITS.computeIfAbsent(point, k -> new AtomicInteger()).incrementAndGet() != n) {
            return;
        }
        switch (action) {
            case "halt" -> Runtime.getRuntime().halt(137);
            case "enospc" -> throw new IOException("No space left on device (injected at " + point + ")");
            default -> throw new IllegalArgumentException(PROPERTY + ": unknown action '" + action + "' (halt, enospc or slow)");
        }
    }
}
