package org.occam.cli.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Series;
import org.occam.lab.report.Section;

/**
 * Which metrics share a chart in a run report: losses together, accuracies together, sharpness
 * with the optimizer's stability threshold ({@link StabilityThreshold}: 2/h for GD, (2+2β)/h for
 * heavy ball, none for Adam; dashed, from {@code two_over_lr} or else the logged lr), the Hessian trace with its ± standard-error band, then one chart each for
 * GC, gradient norm, R_IG, drift ratio and learning rate; every other numeric key is charted too
 * (keys sharing a dotted prefix, such as {@code layer.0.norm} and {@code layer.1.norm}, together).
 * Positive metrics spanning two or more decades get a log axis, except accuracy, sharpness and
 * the learning rate, which are always linear.
 */
final class MetricGroups {
    private MetricGroups() {
    }

    private record Group(String name, String title, String yLabel, List<String> keys, boolean autoLog) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("loss", "Loss", "loss", List.of("loss", "train_loss", "test_loss"), true),
            new Group("accuracy", "Accuracy", "accuracy", List.of("train_accuracy", "test_accuracy"), false),
            new Group("sharpness", "Sharpness and the stability threshold", "top Hessian eigenvalue", List.of("sharpness"), false),
            new Group("hessian_trace", "Hessian trace", "trace", List.of("hessian_trace"), true),
            new Group("gc", "Geometric complexity", "GC", List.of("gc"), true),
            new Group("grad_norm", "Gradient norm", "gradient norm", List.of("grad_norm"), true),
            new Group("r_ig", "Implicit gradient regularizer R_IG", "R_IG", List.of("r_ig"), true),
            new Group("drift_ratio", "Drift ratio", "drift ratio", List.of("drift_ratio"), true),
            new Group("lr", "Learning rate", "learning rate", List.of("lr"), false));

    private static final Color BAND = new Color(0x888888);
    private static final Color DIVERGED = new Color(0xC62828);

    /** Keys that are never charted on their own. */
    private static final Set<String> NOT_ALONE = Set.of("epoch", "two_over_lr", "hessian_trace_stderr");

    /** One chart per metric group present in the run, in a fixed order, then the other keys; GD's 2/h threshold. */
    static List<Section.Chart> charts(Metrics m) {
        return charts(m, Optional.of(new StabilityThreshold(2, "2/h")));
    }

    /** As {@link #charts(Metrics)}, with the sharpness chart's threshold line for the run's optimizer (none if empty). */
    static List<Section.Chart> charts(Metrics m, Optional<StabilityThreshold> threshold) {
        List<Section.Chart> out = new ArrayList<>();
        Set<String> used = new HashSet<>(NOT_ALONE);
        for (Group g : GROUPS) {
            used.addAll(g.keys);
            List<String> present = g.keys.stream().filter(m::has).toList();
            boolean sharpOnly = g.name.equals("sharpness") && m.has("two_over_lr");
            if (present.isEmpty() && !sharpOnly) {
                continue;
            }
            String title = !g.name.equals("sharpness") ? g.title
                    : threshold.map(t -> "Sharpness and the " + t.label().split(",")[0] + " threshold").orElse("Sharpness");
            add(out, g.name, title, g.yLabel, series(m, g, present, threshold), g.autoLog, g.name.equals("loss") ? m.divergedAt() : OptionalLong.empty());
        }
        Map<String, List<String>> others = new LinkedHashMap<>();
        for (String k : m.keys()) {
            if (!used.contains(k)) {
                int dot = k.indexOf('.');
                others.computeIfAbsent(dot > 0 ? k.substring(0, dot) : k, x -> new ArrayList<>()).add(k);
            }
        }
        for (Map.Entry<String, List<String>> e : others.entrySet()) {
            List<String> keys = e.getValue();
            for (int from = 0; from < keys.size(); from += MAX_SERIES) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_SERIES));
                String title = keys.size() == 1 ? keys.getFirst() : from == 0 ? e.getKey() : e.getKey() + " (continued)";
                List<Series> series = chunk.stream().map(k -> Series.of(k, m.series(k)[0], m.series(k)[1])).toList();
                add(out, e.getKey(), title, keys.size() == 1 ? keys.getFirst() : e.getKey(), series, true, OptionalLong.empty());
            }
        }
        return out;
    }

    /** Other keys sharing a dotted prefix (layer.0.norm, layer.1.norm, …) share a chart, this many at most. */
    private static final int MAX_SERIES = 8;

    private static List<Series> series(Metrics m, Group g, List<String> present, Optional<StabilityThreshold> threshold) {
        List<Series> s = new ArrayList<>();
        for (String k : present) {
            double[][] xy = m.series(k);
            s.add(Series.of(k, xy[0], xy[1]));
        }
        if (g.name.equals("sharpness")) {
            threshold.flatMap(t -> stabilityLine(m, t, !present.isEmpty())).ifPresent(s::add);
        }
        if (g.name.equals("hessian_trace") && m.has("hessian_trace_stderr")) {
            double[][] t = m.series("hessian_trace");
            double[][] e = m.series("hessian_trace_stderr");
            if (t[0].length == e[0].length && java.util.Arrays.equals(t[0], e[0])) {
                double[] up = new double[t[1].length];
                double[] down = new double[t[1].length];
                for (int i = 0; i < up.length; i++) {
                    up[i] = t[1][i] + e[1][i];
                    down[i] = t[1][i] - e[1][i];
                }
                s.add(Series.dashed("+ stderr", t[0], up).withColour(BAND));
                s.add(Series.dashed("− stderr", t[0], down).withColour(BAND));
            }
        }
        return s;
    }

    /** The threshold as a dashed series: from two_over_lr when logged, else from lr when sharpness is. */
    static Optional<Series> stabilityLine(Metrics m, StabilityThreshold t, boolean sharpnessPresent) {
        if (m.has("two_over_lr")) {
            double[][] xy = m.series("two_over_lr");
            return Optional.of(Series.dashed(t.label(), xy[0], scaled(xy[1], t.factor() / 2)));
        }
        if (m.has("lr") && sharpnessPresent) {
            double[][] xy = m.series("lr");
            double[] line = new double[xy[1].length];
            for (int i = 0; i < line.length; i++) {
                line[i] = t.factor() / xy[1][i];
            }
            return Optional.of(Series.dashed(t.label() + " (from lr)", xy[0], line));
        }
        return Optional.empty();
    }

    private static double[] scaled(double[] v, double c) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = c * v[i];
        }
        return out;
    }

    private static void add(List<Section.Chart> out, String name, String title, String yLabel, List<Series> series,
            boolean autoLog, OptionalLong divergedAt) {
        boolean log = autoLog && wantsLog(series);
        LinePlot p = new LinePlot(title).xLabel("step").yLabel(yLabel).logY(log);
        series.forEach(p::add);
        if (!p.hasData()) {
            return;
        }
        String caption = title + (log ? " (log scale)" : "");
        if (divergedAt.isPresent()) {
            double[] r = yRange(series, log);
            double s = divergedAt.getAsLong();
            p.add(Series.dashed("diverged at step " + divergedAt.getAsLong(), new double[] {s, s}, r).withColour(DIVERGED));
            caption += "; the run diverged at step " + divergedAt.getAsLong();
        }
        out.add(new Section.Chart(name, caption, p.plot()));
    }

    /** All values positive and spanning at least two decades. */
    static boolean wantsLog(List<Series> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Series s : series) {
            for (double v : s.y()) {
                if (v <= 0) {
                    return false;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > 0 && hi / lo >= 100;
    }

    private static double[] yRange(List<Series> series, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.y()) {
                if (!log || v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {log ? 1 : 0, log ? 10 : 1};
    }
}
