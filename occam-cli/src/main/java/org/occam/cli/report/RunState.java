package org.occam.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.occam.cli.run.NoLearning;
import org.occam.io.FolderLock;

/**
 * How a run stands, from its {@code status.json}
 * ({@code {"state": "completed"|"running"|"diverged"|"failed"|"interrupted", "step": n, "total_steps": m, "message": ...}}),
 * or, when that file is missing, guessed from the metrics: diverged when a row says so,
 * completed when there is a final row, unknown otherwise. A run that says running while nobody holds
 * its folder's lock ({@link FolderLock}: its process was killed) reads as interrupted.
 *
 * @param state the state in lower case
 * @param step the step reached, or -1 when unknown
 * @param totalSteps the planned number of steps, or -1 when unknown
 * @param message why the run diverged or failed, or null
 */
public record RunState(String state, long step, long totalSteps, String message) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The state of the run in {@code runDir}.
     *
     * @throws ReportException when status.json exists but is not a JSON object with a state
     */
    public static RunState of(Path runDir, Metrics metrics) {
        Path file = runDir.resolve("status.json");
        if (!Files.isRegularFile(file)) {
            if (metrics.divergedAt().isPresent()) {
                return new RunState("diverged", metrics.divergedAt().getAsLong(), -1, null);
            }
            return new RunState(metrics.hasFinalRow() ? "completed" : "unknown", metrics.lastStep(), -1, null);
        }
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ReportException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        if (n == null || !n.isObject() || !n.path("state").isTextual()) {
            throw new ReportException(file + ": expected a JSON object with a \"state\"");
        }
        JsonNode msg = n.path("message");
        String state = n.get("state").asText().toLowerCase(java.util.Locale.ROOT);
        String message = msg.isNull() || msg.isMissingNode() ? null : msg.asText();
        if (state.equals("running") && FolderLock.hasLockFile(runDir) && !FolderLock.isHeld(runDir)) {
            state = "interrupted";
            message = "its process ended without finishing (killed?); resume with ./occam train --resume " + runDir
                    + " (or rerun its sweep)";
        }
        return new RunState(state, n.path("step").asLong(-1), n.path("total_steps").asLong(-1), message);
    }

    /** The state a sweep table shows: {@code did not learn} for a completed run flagged so ({@link NoLearning}), else {@link #state}. */
    public String shown() {
        return NoLearning.shownState(state, message);
    }

    /** "step 17 of 1000", "step 17", or "" when the step is unknown. */
    public String progress() {
        if (step < 0) {
            return "";
        }
        return totalSteps > 0 ? "step " + step + " of " + totalSteps : "step " + step;
    }
}
