package org.occam.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.occam.io.AtomicFiles;
import org.occam.train.RunStatus;

/**
 * {@code status.json}: how a run stands, replaced atomically on every change, e.g.
 * <pre>{"state":"diverged","step":17,"total_steps":1000,"message":"loss is NaN","name":"digits","updated":"2025-…Z"}</pre>
 * {@code state} is running, completed, diverged or failed; {@code message} says why a run
 * diverged or failed (null otherwise).
 */
public final class StatusFile {
    private StatusFile() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the status atomically. */
    public static void write(Path file, RunStatus status, long totalSteps, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", status.state().name().toLowerCase(Locale.ROOT));
        m.put("step", status.step());
        m.put("total_steps", totalSteps);
        m.put("message", status.message());
        m.put("name", name);
        m.put("updated", Instant.now().toString());
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(m) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The status in a file, or empty when there is none. */
    public static Optional<RunStatus> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            RunStatus.State s = RunStatus.State.valueOf(n.get("state").asText().toUpperCase(Locale.ROOT));
            JsonNode msg = n.get("message");
            return Optional.of(new RunStatus(s, n.get("step").asLong(), msg == null || msg.isNull() ? null : msg.asText()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
