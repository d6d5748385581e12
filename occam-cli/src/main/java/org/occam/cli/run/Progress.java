package org.occam.cli.run;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shows training progress: a bar with step, loss, the monitors' latest values and ETA redrawn in place on a terminal
 * ({@link Mode#BAR}); plain periodic lines elsewhere, e.g. in CI ({@link Mode#LINES}); nothing with
 * {@code --quiet} ({@link Mode#QUIET}). The plain lines always go to the run log as well.
 */
public final class Progress {

    /** How progress reaches the console. */
    public enum Mode { BAR, LINES, QUIET }

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int BAR_WIDTH = 24;
    /** The first steps include warm-up (JIT, first evaluation): no ETA from them alone. */
    private static final int MIN_STEPS_FOR_ETA = 10;

    private final Mode mode;
    private final PrintStream console;
    private final RunLog log;
    private final long firstStep;
    private final long totalSteps;
    private final long period;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean barShown;
    private Double trainAcc;
    private Double testAcc;
    /** The latest value of every monitor (sharpness, gc, grad_norm, ...), in the order they first appeared. */
    private final Map<String, Double> monitors = new LinkedHashMap<>();

    /** Row keys that are not monitors: the loop's own bookkeeping and the evaluation. */
    private static final Set<String> NOT_MONITORS = Set.of("step", "epoch", "loss", "lr", "status", "final", "train_loss",
            "train_accuracy", "test_loss", "test_accuracy");
    /** At most this many monitors are shown on one progress line. */
    static final int MAX_MONITORS = 4;

    /**
     * @param firstStep  the step this session starts at (0, or the checkpoint a resumed run continues from)
     * @param totalSteps the run's total
     */
    public Progress(Mode mode, PrintStream console, RunLog log, long firstStep, long totalSteps) {
        this.mode = mode;
        this.console = console;
        this.log = log;
        this.firstStep = firstStep;
        this.totalSteps = totalSteps;
        this.period = Math.max(1, totalSteps / 20);
    }

    /** The mode for a console: quiet wins, then a terminal gets the bar. */
    public static Mode modeFor(boolean quiet, boolean terminal) {
        return quiet ? Mode.QUIET : terminal ? Mode.BAR : Mode.LINES;
    }

    /** Takes one metrics row. */
    public void row(Map<String, Object> row) {
        if (row.get("train_accuracy") instanceof Double d && !d.isNaN()) {
            trainAcc = d;
        }
        if (row.get("test_accuracy") instanceof Double d && !d.isNaN()) {
            testAcc = d;
        }
        row.forEach((k, v) -> {
            if (!NOT_MONITORS.contains(k) && v instanceof Double d && !d.isNaN()) {
                monitors.put(k, d);
            }
        });
        if (Boolean.TRUE.equals(row.get("final")) || !(row.get("loss") instanceof Double loss)) {
            return;
        }
        long step = ((Number) row.get("step")).longValue();
        boolean periodic = step % period == 0 || step == totalSteps - 1;
        if (periodic) {
            String text = line(step, loss);
            log.line(text);
            if (mode == Mode.LINES) {
                console.println(text);
            }
        }
        if (mode == Mode.BAR) {
            long now = System.nanoTime();
            if (!barShown || now - lastDraw >= REDRAW_NANOS || step == totalSteps - 1) {
                lastDraw = now;
                console.print("\r" + bar(step, loss));
                console.flush();
                barShown = true;
            }
        }
    }

    /** Ends the bar's line (call before printing anything else). */
    public void finish() {
        if (barShown) {
            console.println();
            barShown = false;
        }
    }

    /** A plain progress line, e.g. {@code step 100/1000  loss 0.4321  train_acc 0.91  ETA 0:42}. */
    String line(long step, double loss) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "step %d/%d  loss %.4g", step + 1, totalSteps, loss));
        if (trainAcc != null) {
            sb.append(String.format(Locale.ROOT, "  train_acc %.4f", trainAcc));
        }
        if (testAcc != null) {
            sb.append(String.format(Locale.ROOT, "  test_acc %.4f", testAcc));
        }
        return sb.append(monitorText()).append("  ETA ").append(eta(step)).toString();
    }

    private String bar(long step, double loss) {
        double frac = totalSteps == 0 ? 1 : (step + 1) / (double) totalSteps;
        int filled = (int) Math.round(frac * BAR_WIDTH);
        return String.format(Locale.ROOT, "%3d%% [%s%s] step %d/%d  loss %.4g%s  ETA %s   ", Math.round(frac * 100),
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), step + 1, totalSteps, loss, monitorText(), eta(step));
    }

    /** The latest values of the first {@value #MAX_MONITORS} monitors, e.g. {@code "  sharpness 12.31  gc 0.4172"}. */
    private String monitorText() {
        StringBuilder sb = new StringBuilder();
        monitors.entrySet().stream().limit(MAX_MONITORS)
                .forEach(e -> sb.append(String.format(Locale.ROOT, "  %s %.4g", e.getKey(), e.getValue())));
        return sb.toString();
    }

    /** Remaining time from the pace of this session so far ("?" in its first steps). */
    String eta(long step) {
        long done = step + 1 - firstStep;
        if (done < MIN_STEPS_FOR_ETA && step + 1 < totalSteps) {
            return "?";
        }
        double perStep = (System.nanoTime() - startNanos) / 1e9 / done;
        return duration(perStep * (totalSteps - step - 1));
    }

    /** Seconds as m:ss or h:mm:ss. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
