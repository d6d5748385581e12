package org.occam.lab.gc1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Series;
import org.occam.lab.plot.Theme;
import org.occam.lab.report.Section;

/** GC-1's setting, runs and charts (GC and arc length along training, per sweep, seed 0). */
public final class Gc1Report {
    private Gc1Report() {
    }

    /**
     * The setting as ordered key/value pairs.
     *
     * @param r the result
     * @return the setting by name
     */
    public static Map<String, Object> setting(Gc1Result r) {
        Gc1Setting s = r.setting();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", "GC-1 (METHODS §11): GC and arc length of 1-D fits fall with larger h, smaller B, more L2 or GC"
                + " penalty; GC at init << GC at the end");
        m.put("data", s.points() + " points x ~ U[-pi, pi], y = sin x + N(0, " + s.noise() + "^2), the same for every seed");
        m.put("model", s.model() + ", float64, MSE");
        m.put("baseline", Gc1.baseline(s).label() + " (full-batch GD)");
        m.put("learning rates (full batch)", Arrays.toString(s.lrs()));
        m.put("batch sizes (SGD, reshuffled)", Arrays.toString(s.batchSizes()));
        m.put("L2 penalty (loss + lambda/2 |theta|^2)", Arrays.toString(s.l2()));
        m.put("GC penalty (loss + alpha GC(batch))", Arrays.toString(s.gcPenalty()));
        m.put("compared at", "the first measurement (every " + s.every() + " steps) with training MSE <= " + s.lossTarget()
                + "; at most " + s.maxSteps() + " steps");
        m.put("GC", "mean f'(x)^2 over the training points (exact)");
        m.put("arc length", "trapezoid rule of sqrt(1 + f'(x)^2) on " + s.gridPoints() + " points of [-pi, pi]");
        m.put("seeds", s.seeds());
        return m;
    }

    /**
     * One map per run.
     *
     * @param r the result
     * @return the runs' fields
     */
    public static List<Map<String, Object>> runs(Gc1Result r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Gc1Run run : r.runs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", run.seed());
            m.put("lr", run.config().lr());
            m.put("batch_size", run.config().batchSize());
            m.put("l2", run.config().l2());
            m.put("gc_penalty", run.config().gcPenalty());
            m.put("reached", run.reached());
            m.put("step", run.step());
            m.put("train_mse", run.trainMse());
            m.put("gc", run.gc());
            m.put("arc_length", run.arcLength());
            m.put("gc_init", run.gcInit());
            m.put("arc_length_init", run.arcInit());
            m.put("seconds", run.seconds());
            out.add(m);
        }
        return out;
    }

    /**
     * GC and arc length along training for each sweep (seed 0), up to the matching step.
     *
     * @param r the result
     * @return the sections
     */
    public static List<Section> sections(Gc1Result r) {
        Gc1Setting s = r.setting();
        List<Section> out = new ArrayList<>();
        out.add(new Section.Heading("GC along training, per sweep (seed 0)"));
        out.add(new Section.Text("Each curve ends where its training MSE first reaches " + s.lossTarget()
                + ": the claims compare the curves' end points. GC starts near 0 (initialization) and grows as the"
                + " network fits the points."));
        Gc1Config base = Gc1.baseline(s);
        List<List<Gc1Config>> sweeps = List.of(
                Arrays.stream(s.lrs()).mapToObj(h -> new Gc1Config(h, s.points(), 0, 0)).toList(),
                Arrays.stream(s.batchSizes()).mapToObj(b -> new Gc1Config(base.lr(), b, 0, 0)).toList(),
                Arrays.stream(s.l2()).mapToObj(l -> new Gc1Config(base.lr(), s.points(), l, 0)).toList(),
                Arrays.stream(s.gcPenalty()).mapToObj(a -> new Gc1Config(base.lr(), s.points(), 0, a)).toList());
        List<String> names = List.of("learning rate", "batch size", "L2 penalty", "GC penalty");
        for (int i = 0; i < sweeps.size(); i++) {
            for (int col : new int[] {2, 3}) {
                String what = col == 2 ? "GC on the data" : "arc length";
                LinePlot p = new LinePlot(what + ", " + names.get(i) + " sweep").xLabel("step").yLabel(what);
                int k = 0;
                for (Gc1Config c : sweeps.get(i)) {
                    Gc1Run run = r.find(c, 0);
                    final int column = col;
                    p.add(Series.of(c.label() + (run.reached() ? "" : " (target not reached)"),
                            run.curve().stream().mapToDouble(v -> v[0]).toArray(),
                            run.curve().stream().mapToDouble(v -> v[column]).toArray()).withColour(Theme.series(k++)));
                }
                if (p.hasData()) {
                    out.add(new Section.Chart("sweep_" + (i + 1) + (col == 2 ? "_gc" : "_arc"), what + " along training,"
                            + " " + names.get(i) + " sweep, seed 0", p.plot()));
                }
            }
        }
        return out;
    }

}
