package org.occam.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code metrics.jsonl}: one JSON object per line with a numeric {@code step}; numbers
 * become values, null becomes NaN (the trainer writes non-finite numbers as null), nested objects
 * are flattened to dotted keys, {@code "final": true} and {@code "status": "..."} mark special rows,
 * other strings, booleans and arrays are ignored.
 *
 * <p>A malformed line is an error naming the file and the line number, except a last line with no
 * newline at its end: that is a row still being written by a running (or killed) trainer, and is
 * skipped.
 */
final class MetricsFile {
    private MetricsFile() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static Metrics read(Path file) {
        List<Metrics.Row> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return new Metrics(file, rows);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String[] lines = text.split("\n", -1);
        boolean partialLast = !text.isEmpty() && !text.endsWith("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean mayBePartial = partialLast && i == lines.length - 1;
            Metrics.Row row;
            try {
                row = parse(line, i + 1);
            } catch (ReportException e) {
                if (mayBePartial) {
                    continue;
                }
                throw new ReportException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
            rows.add(row);
        }
        return new Metrics(file, rows);
    }

    private static Metrics.Row parse(String line, int number) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ReportException("not valid JSON (" + e.getOriginalMessage() + "): " + shorten(line));
        }
        if (n == null || !n.isObject()) {
            throw new ReportException("expected a JSON object, found: " + shorten(line));
        }
        JsonNode step = n.get("step");
        if (step == null || !step.isNumber()) {
            throw new ReportException("no numeric \"step\": " + shorten(line));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        boolean isFinal = false;
        String status = null;
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals("step")) {
                continue;
            }
            if (key.equals("final") && v.isBoolean()) {
                isFinal = v.asBoolean();
            } else if (key.equals("status") && v.isTextual()) {
                status = v.asText();
            } else {
                flatten(key, v, values);
            }
        }
        return new Metrics.Row(number, step.asLong(), values, isFinal, status);
    }

    private static void flatten(String key, JsonNode v, Map<String, Double> out) {
        if (v.isNumber()) {
            out.put(key, v.asDouble());
        } else if (v.isNull()) {
            out.put(key, Double.NaN);
        } else if (v.isTextual()) {
            Double d = nonFinite(v.asText());
            if (d != null) {
                out.put(key, d);
            }
        } else if (v.isObject()) {
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                flatten(key + "." + e.getKey(), e.getValue(), out);
            }
        }
    }

    /** "NaN", "Infinity", "-inf" and the like as doubles; null for any other text. */
    private static Double nonFinite(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    private static String shorten(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
