package org.occam.cli.measure;

import java.nio.file.Path;
import java.util.Map;
import org.occam.measure.Eigenpairs;
import org.occam.measure.Hessians;
import org.occam.measure.LinearOperator;
import org.occam.tensor.Rng;

/**
 * One {@code occam measure} invocation as its metrics see it: the objective, the curvature
 * settings, the output map, the counts asked for (top_eigenvalues:K), and what metrics share — the
 * Hessian operator, one Lanczos run for sharpness and the top/bottom eigenvalues, one Gauss-Newton
 * run — built on first use and counted in {@code hvp_count}.
 */
public final class MeasureRun {
    /**
     * The options metrics read.
     *
     * @param seed       the estimator seed (Lanczos: seed, Hutchinson trace: +1, GC: +2, density: +3, GGN: +5)
     * @param probes     the probe count of GC by Hutchinson
     * @param sigma      the density's Gaussian broadening, or null for PyHessian's default
     * @param densityOut the path prefix of the density files
     */
    public record Options(long seed, int probes, Double sigma, Path densityOut) {
    }

    private final MeasuredObjective objective;
    private final MeasureCurvature curvature;
    private final Options options;
    private final Map<String, Integer> counts;
    private final Map<String, Object> out;
    private LinearOperator hessian;
    private LinearOperator ggn;
    private Eigenpairs lanczos;
    private long extraHvps;

    /**
     * @param counts the largest K asked for per metric name (1 for a bare name)
     * @param out    the output map the values are put into, in order
     */
    public MeasureRun(MeasuredObjective objective, MeasureCurvature curvature, Options options, Map<String, Integer> counts,
            Map<String, Object> out) {
        this.objective = objective;
        this.curvature = curvature;
        this.options = options;
        this.counts = Map.copyOf(counts);
        this.out = out;
    }

    /** The objective being measured. */
    public MeasuredObjective objective() {
        return objective;
    }

    /** The local objective; only metrics declared local call it (sharded runs refuse them first). */
    public LocalObjective local() {
        if (objective instanceof LocalObjective l) {
            return l;
        }
        throw new IllegalStateException("a local-only metric ran on a sharded objective");
    }

    /** The curvature metrics under the command's stopping rules. */
    public MeasureCurvature curvature() {
        return curvature;
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** Puts a value into the output. */
    public void put(String key, Object value) {
        out.put(key, value);
    }

    /** The output map (for the curvature helpers that put several keys). */
    public Map<String, Object> out() {
        return out;
    }

    /** The largest K asked for as NAME:K (1 for a bare NAME), 0 when NAME is not requested. */
    public int count(String name) {
        return counts.getOrDefault(name, 0);
    }

    /** The loss Hessian operator, shared by every metric of the run. */
    public LinearOperator hessian() {
        if (hessian == null) {
            hessian = objective.hessian();
        }
        return hessian;
    }

    /**
     * The Lanczos run on the Hessian shared by sharpness, top_eigenvalues and bottom_eigenvalues: the
     * largest K asked for of each, seeded by the seed. On the local objective a solver failure is
     * reported as a {@link SolverFailure}.
     */
    public Eigenpairs lanczos() {
        if (lanczos == null) {
            LinearOperator h = hessian();
            try {
                lanczos = curvature.eigen("", h, Math.max(1, count("top_eigenvalues")), count("bottom_eigenvalues"),
                        Rng.seed(options.seed()), out);
            } catch (IllegalStateException | ArithmeticException e) {
                if (objective.sharded()) {
                    throw e;
                }
                throw new SolverFailure("the Hessian eigen-solver (Lanczos) failed: " + e.getMessage() + "; check that"
                        + " the loss is finite at these weights, or change --tol or --max-steps", e);
            }
        }
        return lanczos;
    }

    /** The Gauss-Newton top eigenvalues (ggn_top_*, ggn_lanczos, ggn_sharpness), once per run. */
    public void gaussNewton() {
        if (ggn == null) {
            LocalObjective o = local();
            ggn = Hessians.gaussNewton(o.net(), o.params(), o.batch().x(), MeasureCurvature.outputLoss(o.lossName(), o.batch()));
            Eigenpairs g = curvature.eigen("ggn_", ggn, Math.max(1, count("ggn_top_eigenvalues")), 0,
                    Rng.seed(options.seed() + 5), out);
            out.put("ggn_sharpness", g.top().eigenvalue(0));
        }
    }

    /** Counts HVPs a metric made outside the shared operators (the drift ratio's one). */
    public void addHvps(long n) {
        extraHvps += n;
    }

    /** Every HVP of the run: the shared Hessian's and Gauss-Newton's applications and the others. */
    public long hvpCount() {
        return extraHvps + (hessian != null ? hessian.applications() : 0) + (ggn != null ? ggn.applications() : 0);
    }
}
