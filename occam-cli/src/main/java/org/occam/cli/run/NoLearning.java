package org.occam.cli.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Flags a completed classification or regression run that did not learn: its final training
 * accuracy is within 20 % of chance (1/classes), or its training loss ends at 1.5 times or more
 * where it started (a plateau far above the start, short of divergence). The verdict goes into status.json's message
 * and the report as {@code did not learn: ...}; the run stays completed. Runs shorter than
 * {@link #MIN_STEPS} steps are not judged (a smoke test of a few steps has not learned yet).
 */
public final class NoLearning {
    /** What a sweep's table and console summary show for a completed run flagged here. */
    public static final String SHOWN_STATE = "did not learn";
    /** Runs with fewer steps are too short to judge. */
    static final long MIN_STEPS = 50;
    /** Accuracy up to this multiple of chance counts as chance. */
    static final double CHANCE_FACTOR = 1.2;
    /** A final loss at or above this multiple of the first counts as a plateau far above the start. */
    static final double PLATEAU_FACTOR = 1.5;

    private NoLearning() {
    }

    /**
     * The state a table or summary shows for a run: {@link #SHOWN_STATE} for a completed run whose
     * status message carries this class's verdict, else {@code state} itself.
     *
     * @param state   the state from status.json (completed, diverged, ...)
     * @param message status.json's message, or null
     * @return the state to print
     */
    public static String shownState(String state, String message) {
        return "completed".equalsIgnoreCase(state) && message != null && message.startsWith(SHOWN_STATE + ":") ? SHOWN_STATE : state;
    }

    /** The verdict from the first and last values, empty when the run learned (or nothing can be said). */
    static Optional<String> judge(Double firstLoss, Double lastLoss, Double lastAccuracy, int classes) {
        if (lastAccuracy != null && classes >= 2 && lastAccuracy <= CHANCE_FACTOR / classes) {
            return Optional.of(String.format(Locale.ROOT, SHOWN_STATE + ": final train accuracy %.4g is chance (1/%d = %.4g)",
                    lastAccuracy, classes, 1.0 / classes));
        }
        if (firstLoss != null && lastLoss != null && Double.isFinite(firstLoss) && Double.isFinite(lastLoss) && firstLoss > 0
                && lastLoss >= PLATEAU_FACTOR * firstLoss) {
            return Optional.of(String.format(Locale.ROOT, SHOWN_STATE + ": train loss %.4g at the end, far above %.4g at the start",
                    lastLoss, firstLoss));
        }
        return Optional.empty();
    }

    /** The verdict for the run whose metrics.jsonl is {@code metrics}: first and last train_loss, last train_accuracy. */
    static Optional<String> judge(Path metrics, int classes) {
        List<String> lines;
        try {
            lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metrics + ": " + e.getMessage(), e);
        }
        Double first = null;
        Double last = null;
        Double accuracy = null;
        for (String l : lines) {
            if (l.isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = MetricsLog.JSON.readTree(l);
            } catch (JsonProcessingException e) {
                continue; // a torn last line of a killed run
            }
            Double loss = number(row.get("train_loss"));
            if (loss != null) {
                first = first == null ? loss : first;
                last = loss;
            }
            Double acc = number(row.get("train_accuracy"));
            accuracy = acc != null ? acc : accuracy;
        }
        return judge(first, last, accuracy, classes);
    }

    private static Double number(JsonNode v) {
        return v != null && v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : null;
    }
}
