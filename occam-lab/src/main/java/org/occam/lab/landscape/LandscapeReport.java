package org.occam.lab.landscape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.io.AtomicFiles;
import org.occam.lab.plot.ContourPlot;
import org.occam.lab.plot.Grid;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Series;
import org.occam.lab.plot.SurfacePlot;
import org.occam.lab.report.Pages;
import org.occam.lab.report.Section;
import org.occam.landscape.Interpolation;
import org.occam.landscape.Plane;

/** Writes a {@link LandscapeResult} as report.html (contour, surface and interpolation plots) and landscape.json. */
public final class LandscapeReport {
    private LandscapeReport() {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Writes both files into {@code dir} (created) and returns the report's path; {@code about} describes the run.
     *
     * @param dir the output folder
     * @param r the result
     * @param title the page's title
     * @param about what the run was, as setting rows
     * @return report.html
     * @throws IOException when writing fails
     */
    public static Path write(Path dir, String title, Map<String, Object> about, LandscapeResult r) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("landscape.json"), json(about, r));
        Path html = dir.resolve("report.html");
        AtomicFiles.writeString(html, Pages.page(title, sections(about, r)));
        return html;
    }

    /** The report's sections: what was done, then the PCA plane with the trajectory, the random slice, the lines. */
    static List<Section> sections(Map<String, Object> about, LandscapeResult r) {
        List<Section> s = new ArrayList<>();
        s.add(new Section.Text(String.format(Locale.ROOT, """
                Loss landscape of the run (method: docs/landscapes.md). Every value is the training loss (the data term, \
                without regularizers) on the first %d training examples, in eval mode. The trajectory was recorded by \
                replaying the run from its config (training is deterministic), %d iterates from step %d to step %d. \
                Random directions are filter-normalized (Li et al. 2018): each filter of a weight is scaled to the norm \
                of the same filter of the final parameters; biases and BatchNorm parameters are not moved, and running \
                statistics stay at their final values. The PCA plane holds %.1f %% + %.1f %% of the trajectory's variance.""",
                r.points(), r.steps().length, r.steps()[0], r.steps()[r.steps().length - 1],
                100 * r.trajectory().explained()[0], 100 * r.trajectory().explained()[1])));
        List<List<String>> rows = new ArrayList<>();
        about.forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
        s.add(Section.Table.of(List.of("run", "value"), rows));
        s.add(new Section.Chart("pca-plane", "Look at the path: the training trajectory (start = open circle, end = filled) "
                + "projected on its own PCA plane, over the loss on that plane. Axes are distances in parameter space "
                + "along the two principal directions.", pcaPlot(r)));
        s.add(new Section.Chart("random-slice", "Contours of the loss around the solution along two filter-normalized random "
                + "directions: wide, round basins are flat minima, tight ones sharp.", contour("Loss around the solution "
                + "(random filter-normalized directions)", r.random(), "α (filter norms)", "β (filter norms)").plot()));
        s.add(new Section.Chart("random-surface", "The same slice as a surface (log scale).", new SurfacePlot(
                "Loss surface around the solution").grid(grid(r.random())).logZ(positive(r.random())).plot()));
        s.add(new Section.Chart("interpolation", "Loss on the straight line from the initialization (t = 0) to the solution "
                + "(t = 1) (Goodfellow et al. 2015): a monotone decrease means no barrier lies between them. With a second run, "
                + "the line from this solution (t = 0) to the other (t = 1) shows the barrier between two minima.", linePlot(r)));
        return s;
    }

    private static Plot pcaPlot(LandscapeResult r) {
        return contour("Training trajectory on its PCA plane", r.pca(),
                String.format(Locale.ROOT, "PC1 (%.1f %% of variance)", 100 * r.trajectory().explained()[0]),
                String.format(Locale.ROOT, "PC2 (%.1f %%)", 100 * r.trajectory().explained()[1]))
                .trajectory("gradient descent", r.trajectory().x(), r.trajectory().y()).plot();
    }

    private static ContourPlot contour(String title, Plane p, String xl, String yl) {
        return new ContourPlot(title).grid(grid(p)).xLabel(xl).yLabel(yl).levels(16).logLevels(positive(p));
    }

    private static Plot linePlot(LandscapeResult r) {
        LinePlot lp = new LinePlot("Loss along straight lines").xLabel("t").yLabel("loss").logY(positive(r.initToFinal()));
        lp.add(Series.of("train: init → solution", r.initToFinal().t(), r.initToFinal().loss()));
        if (r.initToFinalTest() != null) {
            lp.add(Series.dashed("test: init → solution", r.initToFinalTest().t(), r.initToFinalTest().loss()));
        }
        if (r.finalToOther() != null) {
            lp.add(Series.of("train: solution → other solution", r.finalToOther().t(), r.finalToOther().loss()));
        }
        return lp.plot();
    }

    private static Grid grid(Plane p) {
        return new Grid(p.alpha()[0], p.alpha()[p.alpha().length - 1], p.beta()[0], p.beta()[p.beta().length - 1], p.loss());
    }

    private static boolean positive(Plane p) {
        for (double[] col : p.loss()) {
            for (double v : col) {
                if (!(v > 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean positive(Interpolation line) {
        for (double v : line.loss()) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }

    static String json(Map<String, Object> about, LandscapeResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", about);
        m.put("points", r.points());
        m.put("setting", Map.of("grid", r.setting().grid(), "span", r.setting().span(), "seed", r.setting().seed()));
        m.put("interpolation_init_to_final", line(r.initToFinal()));
        if (r.initToFinalTest() != null) {
            m.put("interpolation_init_to_final_test", line(r.initToFinalTest()));
        }
        if (r.finalToOther() != null) {
            m.put("interpolation_final_to_other", line(r.finalToOther()));
        }
        m.put("random_slice", plane(r.random()));
        m.put("pca_slice", plane(r.pca()));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("steps", r.steps());
        t.put("explained_variance", r.trajectory().explained());
        t.put("x", r.trajectory().x());
        t.put("y", r.trajectory().y());
        m.put("trajectory", t);
        m.put("seconds", r.seconds());
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the landscape as JSON", e);
        }
    }

    private static Map<String, Object> line(Interpolation l) {
        return Map.of("t", l.t(), "loss", finite(l.loss()));
    }

    /** Non-finite losses (a blown-up point far from the solution) as JSON null, so the file stays valid JSON. */
    private static List<Double> finite(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(Double.isFinite(x) ? x : null);
        }
        return out;
    }

    private static Map<String, Object> plane(Plane p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", p.alpha());
        m.put("beta", p.beta());
        List<List<Double>> rows = new ArrayList<>();
        for (double[] col : p.loss()) {
            rows.add(finite(col));
        }
        m.put("loss_by_alpha_then_beta", rows);
        return m;
    }
}
