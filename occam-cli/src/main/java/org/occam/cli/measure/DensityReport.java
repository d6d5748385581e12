package org.occam.cli.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.io.AtomicFiles;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Series;
import org.occam.measure.DensityRun;
import org.occam.measure.SpectralDensity;

/**
 * {@code measure --metrics density}: the SLQ eigenvalue density broadened by a Gaussian of width σ
 * on a grid, as a summary in the output, a JSON file and the log-density plot PyHessian users draw
 * (PNG and SVG; docs/curvature.md, "density").
 */
final class DensityReport {
    /** Grid points (PyHessian's num_bins). */
    static final int POINTS = 10_000;
    /** The plot shows log(φ + FLOOR·max φ): the broadened tails fall to zero faster than any axis can show. */
    static final double FLOOR = 1e-8;

    private DensityReport() {
    }

    /**
     * σ by PyHessian's rule when none is given: σ² = 1e-5·max(1, λ_max − λ_min) of the nodes.
     */
    static double sigma(SpectralDensity d, Double given) {
        if (given != null) {
            if (!(given > 0)) {
                throw new IllegalArgumentException("--sigma: must be positive, got " + given);
            }
            return given;
        }
        double[] g = d.grid(2, 0);
        return Math.sqrt(1e-5 * Math.max(1, g[1] - g[0]));
    }

    /** Writes PREFIX.json, PREFIX.png and PREFIX.svg and puts the summary into {@code out}. */
    static void write(DensityRun run, Double givenSigma, Path prefix, String what, Map<String, Object> out)
            throws IOException {
        SpectralDensity d = run.density();
        double sigma = sigma(d, givenSigma);
        double[] ends = d.grid(2, 0);
        double[] grid = d.grid(POINTS, 0.01 * (ends[1] - ends[0]) + 5 * sigma);
        double[] phi = d.density(grid, sigma);
        double step = grid[1] - grid[0];
        double mass = 0;
        double negative = 0;
        double peak = 0;
        for (int i = 0; i < grid.length; i++) {
            double w = (i == 0 || i == grid.length - 1 ? 0.5 : 1) * phi[i] * step;
            mass += w;
            negative += grid[i] < 0 ? w : 0;
            peak = Math.max(peak, phi[i]);
        }
        Path json = sibling(prefix, ".json");
        Path png = sibling(prefix, ".png");
        Path svg = sibling(prefix, ".svg");
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("operator", what);
        file.put("sigma", sigma);
        file.put("dimension", d.dimension());
        file.put("probes", d.probes());
        file.put("hvp_count", d.hvpCount());
        file.put("trace", run.trace().estimate().mean());
        file.put("trace_stderr", run.trace().estimate().stderr());
        file.put("converged", run.converged());
        file.put("warning", run.warning());
        file.put("grid", grid);
        file.put("density", phi);
        file.put("nodes", d.nodes());
        file.put("weights", d.weights());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(json, tmp -> mapper.writeValue(tmp.toFile(), file));
        double[] shown = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            shown[i] = phi[i] + FLOOR * peak;
        }
        String title = String.format(Locale.ROOT, "%s eigenvalue density (SLQ, %d probes, Gaussian σ = %.3g)", what,
                d.probes(), sigma);
        new LinePlot(title).xLabel("eigenvalue").yLabel("density (log)").logY(true)
                .add(Series.of("density", grid, shown)).plot().write(png, svg);
        out.put("density", String.format(Locale.ROOT, "%d probes, %d HVPs, σ = %.3g, support [%.6g, %.6g],"
                + " ∫φ = %.6f, mass below 0 = %.4g", d.probes(), d.hvpCount(), sigma, ends[0], ends[1], mass, negative));
        out.put("density_trace", run.trace().estimate().mean());
        out.put("density_trace_stderr", run.trace().estimate().stderr());
        out.put("density_files", List.of(json.toString(), png.toString(), svg.toString()));
    }

    private static Path sibling(Path prefix, String ext) {
        return prefix.resolveSibling(prefix.getFileName() + ext);
    }
}
