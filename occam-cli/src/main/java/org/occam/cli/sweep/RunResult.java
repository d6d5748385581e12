package org.occam.cli.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.occam.cli.run.NoLearning;

/**
 * How one run of a sweep ended, read back from its run folder (so a run done now, resumed or
 * skipped gives the same row): its state, step and message from status.json, and its final
 * metrics from metrics.jsonl ({@code final_step}, {@code final_loss}: the last training loss,
 * then {@code final_train_loss}, {@code final_test_accuracy}, ... from the final row). Metric
 * values are {@link Long} or {@link Double} (NaN when missing).
 *
 * @param index   the run's position in the sweep
 * @param id      the run id
 * @param action  what this sweep did: ran, resumed, skipped (already finished) or failed (before it could start)
 * @param state   completed, diverged, failed or running
 * @param step    the step in status.json
 * @param message why it diverged or failed, or null
 * @param metrics final metrics, in a fixed order
 * @param seconds time this sweep spent on the run
 */
public record RunResult(int index, String id, String action, String state, long step, String message,
                        LinkedHashMap<String, Object> metrics, double seconds) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The state for tables and summaries: {@code did not learn} for a completed run flagged so ({@link NoLearning}), else {@link #state}. */
    public String shownState() {
        return NoLearning.shownState(state, message);
    }

    /** One line for the console, e.g. {@code completed 100 steps in 1.2 s: test_accuracy 0.8524}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        switch (shownState()) {
            case "completed" -> b.append("completed ").append(step).append(" steps");
            case NoLearning.SHOWN_STATE -> b.append("completed ").append(step).append(" steps but ").append(message);
            case "diverged" -> b.append("diverged at step ").append(step).append(" (").append(message).append(')');
            case "failed" -> b.append("failed at step ").append(step).append(": ").append(message);
            default -> b.append(state).append(" at step ").append(step);
        }
        if (action.equals("skipped")) {
            b.append(" (earlier; skipped)");
        } else {
            b.append(String.format(Locale.ROOT, " in %.1f s", seconds));
            if (action.equals("resumed")) {
                b.append(" (resumed)");
            }
        }
        String sep = ": ";
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            if (e.getKey().equals("final_test_accuracy") || e.getKey().equals("final_train_loss")) {
                if (e.getValue() instanceof Double d && !d.isNaN()) {
                    b.append(sep).append(e.getKey().substring("final_".length())).append(' ')
                            .append(String.format(Locale.ROOT, "%.4f", d));
                    sep = ", ";
                }
            }
        }
        return b.toString();
    }
}
