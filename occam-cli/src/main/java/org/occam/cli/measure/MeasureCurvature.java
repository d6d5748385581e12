package org.occam.cli.measure;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.measure.BlockSpectrum;
import org.occam.measure.DensityRun;
import org.occam.measure.Eigenpairs;
import org.occam.measure.HessianBlocks;
import org.occam.measure.Hessians;
import org.occam.measure.Lanczos;
import org.occam.measure.LinearOperator;
import org.occam.measure.SequentialEstimate;
import org.occam.measure.Spectrum;
import org.occam.measure.Tolerance;
import org.occam.nn.Model;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * The curvature metrics of {@code occam measure} under their stopping rules (docs/curvature.md):
 * converged extreme eigenvalues of H or the GGN with residuals and flags, the sequential
 * Hutchinson trace, and per-block spectra. It puts its values into the output map and collects a
 * warning for every estimate that a cap stopped first.
 */
public final class MeasureCurvature {
    /**
     * The stopping options of the command.
     *
     * @param tol        relative residual of eigenvalues, or null for the dtype's default
     * @param maxSteps   Lanczos step cap
     * @param fixedSteps a fixed Lanczos step count (the old --lanczos-steps), or null
     * @param relSe      relative standard error at which probing stops
     * @param probes     probe cap
     * @param dtype      the operator's dtype (for the default tolerance)
     */
    public record Settings(Double tol, int maxSteps, Integer fixedSteps, double relSe, int probes, DType dtype) {
        public Settings {
            if (tol != null && !(tol > 0 && tol < 1)) {
                throw new IllegalArgumentException("--tol: must lie in (0, 1), got " + tol + "; e.g. --tol 1e-8");
            }
            if (!(relSe > 0 && relSe < 1)) {
                throw new IllegalArgumentException("--rel-se: must lie in (0, 1), got " + relSe + "; e.g. --rel-se 0.05");
            }
            if (maxSteps < 1 || (fixedSteps != null && fixedSteps < 1) || probes < 1) {
                throw new IllegalArgumentException("--max-steps, --lanczos-steps and --probes must be at least 1, got "
                        + maxSteps + ", " + fixedSteps + ", " + probes);
            }
        }

        /** The eigenvalue stopping rule: tolerance and cap (the fixed count when one is given). */
        Tolerance eigen() {
            int cap = fixedSteps != null ? fixedSteps : maxSteps;
            return tol != null ? new Tolerance(tol, cap) : Tolerance.eigen(dtype).withCap(cap);
        }

        /** The probing stopping rule. */
        Tolerance probing() {
            return new Tolerance(relSe, probes);
        }
    }

    private final Settings settings;
    private final List<String> warnings = new ArrayList<>();

    /** Curvature metrics under these stopping options. */
    public MeasureCurvature(Settings settings) {
        this.settings = settings;
    }

    /** Warnings collected so far, one line each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * The {@code top} largest and {@code bottom} smallest eigenvalues of op under the stopping rule
     * (or after the fixed step count), as {@code prefix}top_eigenvalues, {@code prefix}bottom_eigenvalues,
     * their relative residuals and flags, and {@code prefix}lanczos (steps and verdict).
     */
    Eigenpairs eigen(String prefix, LinearOperator op, int top, int bottom, Rng rng, Map<String, Object> out) {
        Tolerance t = settings.eigen();
        Eigenpairs e = settings.fixedSteps() != null
                ? Lanczos.judge(op, Lanczos.run(op, settings.fixedSteps(), rng), top, bottom, t)
                : Lanczos.eigenpairs(op, top, bottom, t, rng);
        if (top > 0) {
            put(prefix + "top", e.top(), out);
        }
        if (bottom > 0) {
            put(prefix + "bottom", e.bottom(), out);
        }
        out.put(prefix + "lanczos", String.format(Locale.ROOT, "%d steps, tol %.1e: %s", e.steps(), t.relative(),
                e.converged() ? "converged" : e.unconverged() + " not converged"));
        if (!e.converged()) {
            warn(prefix + "eigenvalues", e.warning() + (settings.fixedSteps() != null ? "; raise --lanczos-steps (or drop"
                    + " it: Lanczos then runs to --tol)" : "; raise --max-steps or loosen --tol"));
        }
        return e;
    }

    /** tr op by Hutchinson to the relative standard error (or the probe cap). */
    SequentialEstimate trace(String key, LinearOperator op, Rng rng, Map<String, Object> out) {
        SequentialEstimate e = Hessians.hutchinsonTrace(op, settings.probing(), rng);
        out.put(key, e.estimate().mean());
        out.put(key + "_stderr", e.estimate().stderr());
        out.put(key + "_probes", e.estimate().samples());
        if (!e.converged()) {
            warn(key, e.warning() + "; raise --probes or loosen --rel-se");
        }
        return e;
    }

    /** Every diagonal block's top eigenvalues and trace (dense up to {@code denseLimit} parameters). */
    public List<BlockSpectrum> blocks(LinearOperator op, HessianBlocks.Grouping grouping, int k, int denseLimit, Rng rng,
            Map<String, Object> out) {
        List<BlockSpectrum> blocks = BlockSpectrum.measure(op, grouping, k, denseLimit, settings.eigen(),
                settings.probing(), rng);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BlockSpectrum b : blocks) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", b.name());
            r.put("size", b.size());
            r.put("top_eigenvalues", b.top().eigenvalues());
            r.put("trace", b.trace().mean());
            r.put("trace_stderr", b.trace().stderr());
            r.put("method", b.exact() ? "dense" : "lanczos+hutchinson");
            r.put("converged", b.warning().isEmpty());
            r.put("hvp_count", b.hvpCount());
            if (b.exact()) {
                r.put("dense", b.dense());
            }
            rows.add(r);
            if (!b.warning().isEmpty()) {
                warn("block " + b.name(), b.warning());
            }
        }
        out.put("blocks", rows);
        return blocks;
    }

    /** The SLQ density of op under the stopping rules, written to PREFIX.json/.png/.svg (see {@link DensityReport}). */
    DensityRun density(LinearOperator op, Double sigma, Path prefix, Rng rng, Map<String, Object> out) throws IOException {
        DensityRun run = Hessians.spectralDensity(op, settings.eigen(), settings.probing(), rng);
        if (!run.converged()) {
            warn("density", run.warning() + "; raise --max-steps/--probes or loosen --tol/--rel-se");
        }
        DensityReport.write(run, sigma, prefix, "Hessian", out);
        return run;
    }

    /**
     * The output-space loss z ↦ L(z) of a --loss name on a batch, for the Gauss-Newton operator:
     * the objective itself evaluated on an identity model whose inputs are the outputs z.
     */
    static Function<Tensor, Tensor> outputLoss(String loss, Batch b) {
        Model identity = new Model() {
            @Override
            public Tensor apply(Params p, Tensor x) {
                return x;
            }

            @Override
            public Params init(Rng rng, DType dtype) {
                return Params.of();
            }

            @Override
            public String describe() {
                return "identity";
            }
        };
        Objective o = Objective.parse(loss, identity);
        return z -> o.loss(Params.of(), new Batch(z, b.y(), b.targets(), b.indices()));
    }

    /** One row of the text table: arrays in brackets, nested rows (blocks) one per line, dense matrices left to --json. */
    public static void print(String key, Object v, PrintStream out) {
        if (v instanceof List<?> l && !l.isEmpty() && l.getFirst() instanceof Map<?, ?>) {
            out.printf(Locale.ROOT, "%s%n", key);
            for (Object row : l) {
                StringBuilder sb = new StringBuilder("  ");
                ((Map<?, ?>) row).forEach((k, x) -> {
                    if (!(x instanceof double[][])) {
                        sb.append(k).append('=').append(text(x)).append("  ");
                    }
                });
                out.println(sb.toString().stripTrailing());
            }
            return;
        }
        out.printf(Locale.ROOT, "%-22s %s%n", key, text(v));
    }

    private static String text(Object v) {
        return switch (v) {
            case double[] a -> Arrays.toString(a);
            case boolean[] a -> Arrays.toString(a);
            case null -> "null";
            default -> v.toString();
        };
    }

    /** Adds a warning line for a metric. */
    void warn(String metric, String text) {
        warnings.add(metric + ": " + text);
    }

    private static void put(String key, Spectrum s, Map<String, Object> out) {
        double[] rel = new double[s.size()];
        for (int i = 0; i < rel.length; i++) {
            rel[i] = s.residualNorms()[i] / Math.abs(s.eigenvalue(i));
        }
        out.put(key + "_eigenvalues", s.eigenvalues());
        out.put(key + "_residuals", rel);
        out.put(key + "_converged", s.converged());
    }
}
