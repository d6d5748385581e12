package org.occam.cli.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.io.AtomicFiles;
import org.occam.io.FaultPoints;
import org.occam.train.MetricsSink;

/**
 * {@code metrics.jsonl}: one JSON object per metrics row, appended and flushed row by row, so a
 * killed run loses at most the row being written. Non-finite numbers are written as null.
 *
 * <p>Before a run resumes from the checkpoint at step s, {@link #truncateFrom} drops the rows at or
 * after s (they will be produced again), and a partly written last line, so the file never holds
 * a step twice.
 */
public final class MetricsLog implements MetricsSink, AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    private MetricsLog(BufferedWriter out) {
        this.out = out;
    }

    /** Opens the file for appending (created if missing). */
    public static MetricsLog append(Path file) {
        return new MetricsLog(RunLog.appender(file));
    }

    @Override
    public void accept(Map<String, Object> row) {
        try {
            FaultPoints.hit(FaultPoints.METRICS_ROW);
            out.write(line(row));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the metrics file: " + e.getMessage(), e);
        }
    }

    /** One row as a JSON object on one line. */
    static String line(Map<String, Object> row) {
        Map<String, Object> clean = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            Object v = e.getValue();
            clean.put(e.getKey(), v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)
                    ? null : v);
        }
        try {
            return JSON.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics row cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a metrics file; a partly written last line is skipped. */
    public static List<JsonNode> read(Path file) {
        List<JsonNode> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        try {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode n = parse(l);
                if (n != null) {
                    rows.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * Keeps the rows before step {@code step} (rewriting the file atomically); when {@code step}
     * is the run's last step, a complete final row is kept too, since the trainer will not write
     * it again. Returns the number of rows kept.
     */
    public static int truncateFrom(Path file, long step, long totalSteps) {
        if (!Files.exists(file)) {
            return 0;
        }
        StringBuilder kept = new StringBuilder();
        int n = 0;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (String l : lines) {
            JsonNode row = parse(l);
            JsonNode s = row == null ? null : row.get("step");
            boolean finalRow = row != null && row.path("final").asBoolean(false);
            if (s != null && s.canConvertToLong() && (s.asLong() < step || (finalRow && step == totalSteps))) {
                kept.append(l).append('\n');
                n++;
            }
        }
        try {
            AtomicFiles.writeString(file, kept.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
        }
        return n;
    }

    private static JsonNode parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
