package org.occam.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The rows of a run's {@code metrics.jsonl}, with per-metric access: the (step, value) series for
 * charts and the final value, minimum and maximum for the summary table.
 */
public final class Metrics {
    /**
     * One row: its line in the file, the step, its numeric values (NaN where the file has null),
     * whether it is the run's final row, and its {@code status} text (e.g. "diverged") or null.
     */
    public record Row(int line, long step, Map<String, Double> values, boolean isFinal, String status) {
    }

    private final Path file;
    private final List<Row> rows;
    private final List<String> keys;

    Metrics(Path file, List<Row> rows) {
        this.file = file;
        this.rows = List.copyOf(rows);
        Set<String> k = new LinkedHashSet<>();
        for (Row r : rows) {
            k.addAll(r.values().keySet());
        }
        this.keys = List.copyOf(k);
    }

    /**
     * Reads a metrics file; a missing file gives no rows.
     *
     * @throws ReportException naming the file and line of a malformed row
     */
    public static Metrics read(Path file) {
        return MetricsFile.read(file);
    }

    /** The file these rows came from. */
    public Path file() {
        return file;
    }

    /** All rows in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** The numeric keys (step excluded) in order of first appearance. */
    public List<String> keys() {
        return keys;
    }

    /** Whether there is no row. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Whether a row has {@code key}. */
    public boolean has(String key) {
        return keys.contains(key);
    }

    /**
     * The finite values of {@code key} against the step, {steps, values}, in step order; when
     * several rows share a step (a final row repeating the last step) the later one wins.
     */
    public double[][] series(String key) {
        List<double[]> pts = new ArrayList<>();
        for (Row r : rows) {
            Double v = r.values().get(key);
            if (v != null && Double.isFinite(v)) {
                if (!pts.isEmpty() && pts.getLast()[0] == r.step()) {
                    pts.removeLast();
                }
                pts.add(new double[] {r.step(), v});
            }
        }
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }

    /**
     * The last row that has {@code key}, preferring the final row: its value is the run's final
     * value of that metric (NaN when it was not finite). Null when no row has the key.
     */
    public Row lastWith(String key) {
        Row last = null;
        for (Row r : rows) {
            if (r.values().containsKey(key) && (last == null || !last.isFinal() || r.isFinal())) {
                last = r;
            }
        }
        return last;
    }

    /** {min, max} of the finite values of {@code key}; NaNs when there is none. */
    public double[] range(String key) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            Double v = r.values().get(key);
            if (v != null && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }

    /** The step of the first row marked {@code "status": "diverged"}, if any. */
    public OptionalLong divergedAt() {
        for (Row r : rows) {
            if ("diverged".equalsIgnoreCase(r.status())) {
                return OptionalLong.of(r.step());
            }
        }
        return OptionalLong.empty();
    }

    /** Whether the run wrote its final row. */
    public boolean hasFinalRow() {
        return rows.stream().anyMatch(Row::isFinal);
    }

    /** The last step recorded, or -1 without rows. */
    public long lastStep() {
        return rows.isEmpty() ? -1 : Collections.max(rows.stream().map(Row::step).toList());
    }
}
