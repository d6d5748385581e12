package org.occam.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.occam.cli.run.NoLearning;
import org.occam.lab.plot.HeatmapPlot;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.ScatterPlot;
import org.occam.lab.plot.Series;
import org.occam.lab.report.Rates;
import org.occam.lab.report.Section;

/**
 * Charts of a sweep's final metrics against its swept parameters: with two or more varying
 * parameters, one heatmap per metric over the first two (rows: the first parameter; cells average
 * the runs that share them, and a cell whose runs all diverged or failed says so); with one, a
 * line per metric against it (log axis for a positive numeric parameter spanning two decades, as
 * learning rates do). Then scatter plots of test accuracy (or test loss) against the implicit-bias
 * measurements (GC, sharpness, Hessian trace, gradient norm, R_IG, drift ratio), one point per
 * run, coloured by the first parameter.
 */
final class SweepCharts {
    private SweepCharts() {
    }

    private static final List<String> PRIORITY = List.of("test_accuracy", "test_loss", "train_accuracy", "train_loss", "loss", "gc",
            "sharpness", "hessian_trace", "grad_norm", "r_ig", "drift_ratio");
    private static final Set<String> SKIP = Set.of("step", "steps", "epoch", "final_step", "two_over_lr", "hessian_trace_stderr");
    private static final List<String> BIASES = List.of("gc", "sharpness", "hessian_trace", "grad_norm", "r_ig", "drift_ratio");
    private static final int LABEL_LIMIT = 40;

    static List<Section.Chart> charts(SweepTable t) {
        List<Section.Chart> out = new ArrayList<>();
        List<Integer> vary = t.varying();
        for (int m : metricsInOrder(t)) {
            if (vary.size() >= 2) {
                out.add(heatmap(t, m, vary.get(0), vary.get(1), vary.size() > 2));
            } else if (vary.size() == 1 && t.numeric(vary.getFirst())) {
                Section.Chart c = line(t, m, vary.getFirst());
                if (c != null) {
                    out.add(c);
                }
            } else if (vary.size() == 1) {
                out.add(heatmap(t, m, -1, vary.getFirst(), false));
            }
        }
        out.addAll(scatters(t, vary.isEmpty() ? -1 : vary.getFirst()));
        return out;
    }

    private static List<Integer> metricsInOrder(SweepTable t) {
        List<Integer> out = new ArrayList<>();
        for (String p : PRIORITY) {
            for (int c : t.metrics) {
                if (t.name(c).equals(p) || t.name(c).equals("final_" + p)) {
                    out.add(c);
                }
            }
        }
        for (int c : t.metrics) {
            if (!out.contains(c) && !SKIP.contains(t.name(c))) {
                out.add(c);
            }
        }
        return out;
    }

    /** Heatmap of metric m: rows by parameter {@code rowCol} (or a single row when -1), columns by {@code colCol}. */
    private static Section.Chart heatmap(SweepTable t, int m, int rowCol, int colCol, boolean averagedOver) {
        List<String> rows = rowCol < 0 ? List.of(t.name(m)) : t.levels(rowCol);
        List<String> cols = t.levels(colCol);
        double[][] sum = new double[rows.size()][cols.size()];
        int[][] n = new int[rows.size()][cols.size()];
        String[][] notes = new String[rows.size()][cols.size()];
        int most = 0;
        for (int r = 0; r < t.rows.size(); r++) {
            int i = rowCol < 0 ? 0 : rows.indexOf(t.rows.get(r).get(rowCol).strip());
            int j = cols.indexOf(t.rows.get(r).get(colCol).strip());
            double v = t.num(r, m);
            if (Double.isFinite(v)) {
                sum[i][j] += v;
                most = Math.max(most, ++n[i][j]);
            } else if (notes[i][j] == null) {
                notes[i][j] = note(t.state(r));
            }
        }
        double[][] mean = new double[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                mean[i][j] = n[i][j] > 0 ? sum[i][j] / n[i][j] : Double.NaN;
                if (n[i][j] > 0) {
                    notes[i][j] = null;
                }
            }
        }
        String title = t.name(m) + (rowCol < 0 ? " by " + t.name(colCol) : " by " + t.name(rowCol) + " and " + t.name(colCol));
        HeatmapPlot p = new HeatmapPlot(title).xLabel(t.name(colCol)).yLabel(rowCol < 0 ? "" : t.name(rowCol))
                .columns(cols).rows(rows).values(mean).notes(notes);
        String caption = "Final " + title + (averagedOver ? ", averaged over the other parameters" : "")
                + (most > 1 ? " (mean of up to " + most + " runs per cell)" : "") + "; div: diverged, fail: failed, run: still running, int: interrupted, dnl: did not learn.";
        return new Section.Chart("heatmap_" + t.name(m), caption, p.plot());
    }

    private static String note(String state) {
        return switch (state) {
            case "diverged" -> "div";
            case "failed" -> "fail";
            case "running" -> "run";
            case "interrupted" -> "int";
            case NoLearning.SHOWN_STATE -> "dnl";
            default -> null;
        };
    }

    private static Section.Chart line(SweepTable t, int m, int param) {
        Map<Double, double[]> acc = new LinkedHashMap<>();
        int dropped = 0;
        for (int r = 0; r < t.rows.size(); r++) {
            double x = t.num(r, param);
            double y = t.num(r, m);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                double[] a = acc.computeIfAbsent(x, k -> new double[2]);
                a[0] += y;
                a[1]++;
            } else {
                dropped++;
            }
        }
        if (acc.isEmpty()) {
            return null;
        }
        double[] xs = acc.keySet().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double[] a = acc.get(xs[i]);
            ys[i] = a[0] / a[1];
        }
        boolean logX = xs[0] > 0 && xs[xs.length - 1] / xs[0] >= 100;
        String title = t.name(m) + " by " + t.name(param);
        LinePlot p = new LinePlot(title).xLabel(t.name(param)).yLabel(t.name(m)).logX(logX).add(Series.of(t.name(m), xs, ys));
        String caption = "Final " + title + (logX ? " (log x axis)" : "")
                + (dropped > 0 ? "; " + dropped + " run(s) without a finite value (diverged, failed or missing) are left out" : "");
        return new Section.Chart("line_" + t.name(m), caption, p.plot());
    }

    private static List<Section.Chart> scatters(SweepTable t, int groupBy) {
        List<Section.Chart> out = new ArrayList<>();
        int y = find(t, "test_accuracy") >= 0 ? find(t, "test_accuracy") : find(t, "test_loss");
        if (y < 0) {
            return out;
        }
        List<String> groups = groupBy >= 0 && t.levels(groupBy).size() <= 8 ? t.levels(groupBy) : List.of("runs");
        for (String bias : BIASES) {
            int x = find(t, bias);
            if (x < 0) {
                continue;
            }
            ScatterPlot p = new ScatterPlot(t.name(y) + " vs " + t.name(x)).xLabel(t.name(x)).yLabel(t.name(y));
            for (String g : groups) {
                List<Integer> rs = new ArrayList<>();
                for (int r = 0; r < t.rows.size(); r++) {
                    if (groups.size() == 1 || t.rows.get(r).get(groupBy).strip().equals(g)) {
                        rs.add(r);
                    }
                }
                double[] xs = rs.stream().mapToDouble(r -> t.num(r, x)).toArray();
                double[] ys = rs.stream().mapToDouble(r -> t.num(r, y)).toArray();
                String[] labels = t.rows.size() <= LABEL_LIMIT ? rs.stream().map(r -> label(t, r, groups.size() == 1 ? -1 : groupBy)).toArray(String[]::new) : null;
                p.add(groups.size() == 1 ? g : value(t.name(groupBy), g), xs, ys, labels);
            }
            if (p.hasData()) {
                out.add(new Section.Chart("scatter_" + t.name(x), "Final " + t.name(y) + " against final " + t.name(x)
                        + ", one point per run" + (t.rows.size() <= LABEL_LIMIT ? " (labelled with its other swept values)" : ""), p.plot()));
            }
        }
        return out;
    }

    /** A point's label: the swept values other than the colour's (e.g. {@code h = 0.1, batch_size = 16}), else the run id. */
    static String label(SweepTable t, int r, int colourBy) {
        List<String> parts = new ArrayList<>();
        for (int c : t.varying()) {
            if (c != colourBy) {
                parts.add(value(t.name(c), t.rows.get(r).get(c)));
            }
        }
        return parts.isEmpty() ? t.id(r) : String.join(", ", parts);
    }

    /** One swept value: {@code h = 0.1} for a numeric learning rate ({@link Rates}), else {@code batch_size = 16}. */
    static String value(String key, String cell) {
        String name = key.substring(key.lastIndexOf('.') + 1);
        double v = SweepTable.number(cell);
        return name.equals("lr") && Double.isFinite(v) ? Rates.h(v) : name + " = " + cell.strip();
    }

    private static int find(SweepTable t, String metric) {
        for (int c : t.metrics) {
            if (t.name(c).equals(metric) || t.name(c).equals("final_" + metric)) {
                return c;
            }
        }
        return -1;
    }
}
