package org.occam.lab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.GradientStats;
import org.occam.measure.Hessians;
import org.occam.nn.Model;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Monitor;
import org.occam.train.Objective;

/**
 * GC of the logits, sharpness λ_max (Lanczos) and ‖∇C‖² of the <em>unregularized</em> training
 * loss C over the whole training set: what the SGD checks compare across runs (METHODS §2, §7.2).
 *
 * @param gc              (1/N) Σ ‖∇_x f(x)‖²_F over the training set (exact)
 * @param sharpness       λ_max of ∇²C by Lanczos
 * @param gradNormSquared ‖∇C‖² of the full-batch training loss
 */
public record EndMeasures(double gc, double sharpness, double gradNormSquared) {
    /** Metric names in a training row. */
    public static final String GC = "gc";
    public static final String SHARPNESS = "sharpness";
    public static final String GRAD_NORM_SQUARED = "grad_norm_sq";

    /**
     * Measures at p on the batch (the whole training set).
     *
     * @param model the network
     * @param base the unregularized objective
     * @param p the parameters
     * @param all the whole training set as one batch
     * @param lanczosSteps Lanczos steps for λ_max
     * @param seed the seed of Lanczos's start vector
     * @return the measures
     */
    public static EndMeasures measure(Model model, Objective base, Params p, Batch all, int lanczosSteps, long seed) {
        Function<Params, Tensor> loss = q -> base.loss(q, all);
        double gc = GeometricComplexity.exact(model, p, all.x()).item();
        double sharp = Hessians.lanczos(loss, p, 1, lanczosSteps, Rng.seed(seed)).eigenvalues()[0];
        double g2 = GradientStats.gradNormSquared(loss, p);
        return new EndMeasures(gc, sharp, g2);
    }

    /**
     * A monitor of the three on the training set's base objective, every {@code every} steps (and at the end).
     *
     * @param every the period in steps
     * @param lanczosSteps Lanczos steps for λ_max
     * @return the monitor
     */
    public static Monitor monitor(int every, int lanczosSteps) {
        return Monitor.of(every, ctx -> {
            EndMeasures m = measure(ctx.model(), ctx.objective().base(), ctx.params(), ctx.train().all(), lanczosSteps,
                    ctx.step());
            Map<String, Double> row = new LinkedHashMap<>();
            row.put(GC, m.gc());
            row.put(SHARPNESS, m.sharpness());
            row.put(GRAD_NORM_SQUARED, m.gradNormSquared());
            return row;
        });
    }

    /**
     * The three read back from a training row (NaN where missing).
     *
     * @param row a training row
     * @return the measures
     */
    public static EndMeasures of(Map<String, Object> row) {
        return new EndMeasures(number(row, GC), number(row, SHARPNESS), number(row, GRAD_NORM_SQUARED));
    }

    /**
     * A numeric field of a row, NaN when absent.
     *
     * @param row a metrics row
     * @param key the field
     * @return its value, or NaN
     */
    public static double number(Map<String, Object> row, String key) {
        return row.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
