package org.occam.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.occam.io.AtomicFiles;

/**
 * The results of a sweep, one row per run in index order: {@code run} (the id), the swept
 * parameters (one column per axis key), the final metrics ({@code final_step}, {@code final_loss},
 * {@code final_train_loss}, ..., {@code final_test_accuracy}, and any monitor), then
 * {@code state} and {@code message}. Cells are {@link String}, {@link Long} or {@link Double}
 * (null when empty), each column of one {@link Type}. In results.csv numbers are written
 * exactly (Java's shortest round-trip form), so equal tables are equal text.
 *
 * @param header the column names
 * @param types  the column types
 * @param rows   the cells
 */
public record ResultsTable(List<String> header, List<Type> types, List<List<Object>> rows) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Column types (Parquet: BINARY UTF8, INT64, DOUBLE). */
    public enum Type { STRING, LONG, DOUBLE }

    /** Builds the table of {@code sweep} from one result per run (any order). */
    public static ResultsTable of(Sweep sweep, List<RunResult> results) {
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(RunResult::index));
        List<String> header = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        header.add("run");
        types.add(Type.STRING);
        List<String> keys = sweep.keys();
        for (String k : keys) {
            header.add(k);
            types.add(paramType(sweep, k));
        }
        Set<String> metrics = new LinkedHashSet<>();
        sorted.forEach(r -> metrics.addAll(r.metrics().keySet()));
        for (String m : metrics) {
            header.add(m);
            boolean allLong = sorted.stream().map(r -> r.metrics().get(m)).allMatch(v -> v == null || v instanceof Long);
            types.add(allLong ? Type.LONG : Type.DOUBLE);
        }
        header.add("state");
        types.add(Type.STRING);
        header.add("message");
        types.add(Type.STRING);

        List<List<Object>> rows = new ArrayList<>();
        for (RunResult r : sorted) {
            List<Object> row = new ArrayList<>();
            row.add(r.id());
            Sweep.Run run = sweep.runs().get(r.index());
            for (int i = 0; i < keys.size(); i++) {
                row.add(param(run.values().get(keys.get(i)), types.get(1 + i)));
            }
            int c = 1 + keys.size();
            for (String m : metrics) {
                Object v = r.metrics().get(m);
                if (v instanceof Double d && d.isNaN()) {
                    v = null;
                }
                if (v instanceof Long l && types.get(c) == Type.DOUBLE) {
                    v = l.doubleValue();
                }
                row.add(v);
                c++;
            }
            row.add(r.state());
            row.add(r.message());
            rows.add(row);
        }
        return new ResultsTable(List.copyOf(header), List.copyOf(types), rows);
    }

    private static Type paramType(Sweep sweep, String key) {
        boolean allLong = true;
        boolean allNumber = true;
        for (Sweep.Run r : sweep.runs()) {
            JsonNode v = r.values().get(key);
            allLong &= v.isIntegralNumber() && v.canConvertToLong();
            allNumber &= Values.number(v) != null;
        }
        return allLong ? Type.LONG : allNumber ? Type.DOUBLE : Type.STRING;
    }

    private static Object param(JsonNode v, Type t) {
        return switch (t) {
            case LONG -> v.longValue();
            case DOUBLE -> Values.number(v);
            case STRING -> Values.cell(v);
        };
    }

    /** The table as CSV text: a header line, then one line per run. */
    public String csv() {
        StringBuilder b = new StringBuilder();
        line(b, new ArrayList<>(header));
        for (List<Object> r : rows) {
            line(b, r);
        }
        return b.toString();
    }

    /** Writes {@link #csv()} to {@code file} atomically. */
    public void writeCsv(Path file) {
        try {
            AtomicFiles.writeString(file, csv());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void line(StringBuilder b, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(text(cells.get(i))));
        }
        b.append('\n');
    }

    /** A cell as text: empty for null, numbers exactly (inf and -inf for infinities). */
    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            return Double.toString(d);
        }
        return v.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The column index of {@code name}, or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }
}
