package org.occam.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.occam.io.AtomicFiles;

/**
 * Exports {@code metrics.jsonl} as CSV: one column per key, in the order keys first appear, one
 * line per row, empty cells where a row lacks a key or holds null. Written atomically.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    /** Writes {@code csv} from the rows of {@code jsonl}; returns the number of rows. */
    public static int export(Path jsonl, Path csv) {
        List<JsonNode> rows = MetricsLog.read(jsonl);
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode r : rows) {
            r.fieldNames().forEachRemaining(columns::add);
        }
        StringBuilder sb = new StringBuilder(String.join(",", columns.stream().map(MetricsCsv::cell).toList())).append('\n');
        for (JsonNode r : rows) {
            Iterator<String> it = columns.iterator();
            while (it.hasNext()) {
                JsonNode v = r.get(it.next());
                sb.append(v == null || v.isNull() ? "" : cell(v.isTextual() ? v.asText() : v.toString()));
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append('\n');
        }
        try {
            AtomicFiles.writeString(csv, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
        }
        return rows.size();
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Convenience for a run folder. */
    public static int export(RunDir dir) {
        return export(dir.metrics(), dir.metricsCsv());
    }
}
