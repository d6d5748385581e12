package org.occam.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.occam.cli.config.MetricRegistry;
import org.occam.cli.config.MonitorRegistry;
import org.occam.cli.run.NoLearning;
import org.occam.lab.plot.Numbers;

/**
 * The results of a sweep, one row per run: the run id, the swept parameters, the final metrics
 * and the state. Read from {@code results.csv} (columns in that order: the id column is the one
 * named run, run_id, id or name, else the first; the state column is named state or status;
 * parameters are the columns after the id up to the first metric column, a metric column being a
 * key of the metric registry ({@link MonitorRegistry}) such as gc, a training-row metric such as
 * test_accuracy, or one starting with {@code final_} or ending in
 * {@code _loss}, {@code _accuracy} or {@code _acc}), or rebuilt from the run folders when there is
 * no results.csv (parameters are then the config entries that differ between runs).
 */
final class SweepTable {
    private static final Set<String> ID_NAMES = Set.of("run", "run_id", "id", "name", "run_name");
    private static final Set<String> STATE_NAMES = Set.of("state", "status");
    /** Columns of the training loop's rows and of sweeps that are metrics; the others are the registry's keys. */
    private static final Set<String> ROW_METRICS = Set.of("train_loss", "train_accuracy", "test_loss", "test_accuracy",
            "step", "steps", "epoch", "final_step");
    private static final Set<String> LABEL_KEYS = Set.of("name", "out", "output", "dir", "run_dir", "out_dir", "output_dir", "id",
            "run_id", "title", "description");

    final List<String> header;
    final List<List<String>> rows;
    final int idCol;
    final int stateCol;
    final List<Integer> params;
    final List<Integer> metrics;
    /** Where the table came from, for the report text. */
    final String source;

    private SweepTable(List<String> header, List<List<String>> rows, int idCol, int stateCol, List<Integer> params,
            List<Integer> metrics, String source) {
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        this.idCol = idCol;
        this.stateCol = stateCol;
        this.params = List.copyOf(params);
        this.metrics = List.copyOf(metrics);
        this.source = source;
    }

    /** Reads results.csv. */
    static SweepTable fromCsv(Path csv) {
        List<List<String>> records = Csv.read(csv);
        if (records.isEmpty()) {
            throw new ReportException(csv + " is empty: expected a header row and one row per run");
        }
        List<String> header = records.getFirst();
        List<List<String>> rows = records.subList(1, records.size());
        int id = -1;
        int state = -1;
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).strip().toLowerCase(Locale.ROOT);
            if (ID_NAMES.contains(h) && id < 0) {
                id = c;
            } else if (STATE_NAMES.contains(h) && state < 0) {
                state = c;
            }
        }
        id = Math.max(id, 0);
        rows = shownStates(rows, state, header.indexOf("message"));
        int firstMetric = header.size();
        for (int c = id + 1; c < header.size(); c++) {
            if (c != state && isMetricName(header.get(c))) {
                firstMetric = c;
                break;
            }
        }
        List<Integer> params = new ArrayList<>();
        List<Integer> metrics = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c == id || c == state) {
                continue;
            }
            if (c > id && c < firstMetric) {
                params.add(c);
            } else if (c >= firstMetric && numericColumn(rows, c)) {
                metrics.add(c);
            }
        }
        return new SweepTable(header, rows, id, state, params, metrics, "results.csv");
    }

    /** Rebuilds the table from the run folders: config differences as parameters, final metric values. */
    static SweepTable fromRuns(List<Path> runs) {
        List<Map<String, String>> configs = new ArrayList<>();
        List<Metrics> ms = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> metricKeys = new LinkedHashSet<>();
        for (Path r : runs) {
            Map<String, String> cfg = FlatConfig.read(r.resolve("config.yaml"));
            configs.add(cfg);
            keys.addAll(cfg.keySet());
            Metrics m = Metrics.read(r.resolve("metrics.jsonl"));
            ms.add(m);
            metricKeys.addAll(m.keys());
        }
        List<String> swept = new ArrayList<>();
        for (String k : keys) {
            String last = k.substring(k.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!LABEL_KEYS.contains(last) && configs.stream().map(c -> c.getOrDefault(k, "")).distinct().count() > 1) {
                swept.add(k);
            }
        }
        List<String> header = new ArrayList<>();
        header.add("run");
        header.addAll(swept);
        header.addAll(metricKeys);
        header.add("state");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(RunReport.name(runs.get(i)));
            for (String k : swept) {
                row.add(configs.get(i).getOrDefault(k, ""));
            }
            Metrics m = ms.get(i);
            for (String k : metricKeys) {
                Metrics.Row last = m.lastWith(k);
                row.add(last == null ? "" : Numbers.compact(last.values().get(k), 6));
            }
            row.add(RunState.of(runs.get(i), m).shown());
            rows.add(row);
        }
        List<Integer> params = new ArrayList<>();
        for (int c = 1; c <= swept.size(); c++) {
            params.add(c);
        }
        List<Integer> metrics = new ArrayList<>();
        for (int c = swept.size() + 1; c < header.size() - 1; c++) {
            metrics.add(c);
        }
        return new SweepTable(header, rows, 0, header.size() - 1, params, metrics, "the run folders (no results.csv)");
    }

    /** The rows with each state cell as shown: {@code did not learn} for a completed run whose message says so ({@link NoLearning}). */
    private static List<List<String>> shownStates(List<List<String>> rows, int state, int message) {
        if (state < 0 || message < 0) {
            return rows;
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> row = new ArrayList<>(r);
            if (state < row.size() && message < row.size()) {
                row.set(state, NoLearning.shownState(row.get(state).strip(), row.get(message)));
            }
            out.add(row);
        }
        return out;
    }

    static boolean isMetricName(String name) {
        return isMetricName(name, MonitorRegistry.METRICS);
    }

    /** Whether a column is a metric: a key some metric of the registry emits, a row metric, or final_/_loss/_accuracy/_acc. */
    static boolean isMetricName(String name, MetricRegistry registry) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return ROW_METRICS.contains(n) || registry.emits(n) || n.startsWith("final_") || n.endsWith("_loss")
                || n.endsWith("_accuracy") || n.endsWith("_acc");
    }

    private static boolean numericColumn(List<List<String>> rows, int c) {
        return rows.stream().anyMatch(r -> Double.isFinite(number(r.get(c))));
    }

    /** A cell as a number: NaN when empty or not a number; "inf" and "nan" spellings are understood. */
    static double number(String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan", "null", "none" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
    }

    /** The run id of row r. */
    String id(int r) {
        return rows.get(r).get(idCol).strip();
    }

    /** The state of row r in lower case, or "" without a state column. */
    String state(int r) {
        return stateCol < 0 ? "" : rows.get(r).get(stateCol).strip().toLowerCase(Locale.ROOT);
    }

    /** The cell (r, c) as a number. */
    double num(int r, int c) {
        return number(rows.get(r).get(c));
    }

    /** The column name. */
    String name(int c) {
        return header.get(c).strip();
    }

    /** The parameters that take at least two values, in column order. */
    List<Integer> varying() {
        return params.stream().filter(c -> levels(c).size() > 1).toList();
    }

    /** Whether every non-empty cell of column c is a number. */
    boolean numeric(int c) {
        return rows.stream().map(r -> r.get(c).strip()).filter(s -> !s.isEmpty()).allMatch(s -> !Double.isNaN(number(s)));
    }

    /** The distinct values of column c: in numeric order for a numeric column, else in order of appearance. */
    List<String> levels(int c) {
        Map<String, Double> seen = new LinkedHashMap<>();
        for (List<String> r : rows) {
            seen.putIfAbsent(r.get(c).strip(), number(r.get(c)));
        }
        List<String> out = new ArrayList<>(seen.keySet());
        if (numeric(c)) {
            out.sort(Comparator.comparingDouble(seen::get));
        }
        return out;
    }
}
