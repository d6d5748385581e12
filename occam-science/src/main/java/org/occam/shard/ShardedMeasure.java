package org.occam.shard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.measure.Estimate;
import org.occam.measure.Hessians;
import org.occam.measure.Lanczos;
import org.occam.measure.LinearOperator;
import org.occam.tensor.Rng;

/**
 * The metrics of {@code occam measure} on a sharded objective (docs/sharded-objective.md): every
 * gradient, HVP and GC sum is one reduction over the chunks; Lanczos and Hutchinson run on the
 * driver on the sharded Hessian operator, with the same seeds as the unsharded measurement.
 */
public final class ShardedMeasure {
    /** The metrics a sharded objective measures. */
    public static final List<String> METRICS = List.of("loss", "accuracy", "grad_norm", "sharpness", "top_eigenvalues",
            "bottom_eigenvalues", "hessian_trace", "gc");

    private ShardedMeasure() {
    }

    /**
     * The metrics (names as {@code occam measure --metrics} takes them, e.g. top_eigenvalues:5) in
     * order, plus hvp_count.
     *
     * @param lanczosSteps Lanczos steps (HVPs) for eigenvalues, seeded by {@code seed}
     * @param probes       Hutchinson probes for the trace, seeded by {@code seed + 1}
     * @param f the sharded objective
     * @param p the parameters
     * @param metrics the metric names
     * @param seed the seed of Lanczos and Hutchinson
     * @return the values by metric name, then hvp_count
     */
    public static Map<String, Object> measure(ShardedObjective f, Params p, List<String> metrics, int lanczosSteps,
            int probes, long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        long hvps = 0;
        Lanczos.Run lanczos = null;
        LinearOperator h = null;
        for (String m : metrics) {
            String[] kv = m.toLowerCase(Locale.ROOT).split(":");
            switch (kv[0]) {
                case "loss" -> out.put("loss", f.loss(p));
                case "accuracy" -> out.put("accuracy", f.accuracy(p));
                case "grad_norm" -> {
                    double g2 = dot(f.gradient(p).gradient());
                    out.put("grad_norm", Math.sqrt(g2));
                    out.put("r_ig", g2 / p.numel());
                }
                case "sharpness", "top_eigenvalues", "bottom_eigenvalues" -> {
                    if (lanczos == null) {
                        h = h == null ? f.hessian(p) : h;
                        lanczos = Lanczos.run(h, lanczosSteps, Rng.seed(seed));
                        hvps += lanczos.hvpCount();
                    }
                    int k = kv.length > 1 ? Integer.parseInt(kv[1]) : 1;
                    switch (kv[0]) {
                        case "sharpness" -> out.put("sharpness", lanczos.top(1).eigenvalues()[0]);
                        case "top_eigenvalues" -> out.put("top_eigenvalues", lanczos.top(k).eigenvalues());
                        default -> out.put("bottom_eigenvalues", lanczos.bottom(k).eigenvalues());
                    }
                }
                case "hessian_trace" -> {
                    h = h == null ? f.hessian(p) : h;
                    Estimate e = Hessians.hutchinsonTrace(h, probes, Rng.seed(seed + 1));
                    out.put("hessian_trace", e.mean());
                    out.put("hessian_trace_stderr", e.stderr());
                    hvps += e.cost();
                }
                case "gc" -> out.put("gc", f.geometricComplexity(p));
                default -> throw new UnsupportedOperationException("metric '" + m + "' is not measured on a sharded"
                        + " objective (--spark or --chunk); supported: " + String.join(", ", METRICS));
            }
        }
        out.put("hvp_count", hvps);
        return out;
    }

    private static double dot(double[] g) {
        double s = 0;
        for (double x : g) {
            s += x * x;
        }
        return s;
    }
}
