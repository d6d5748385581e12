package org.occam.lab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Batch;
import org.occam.train.Monitor;

/**
 * A monitor that checks the unregularized training loss over the whole training set every
 * {@code every} steps and, the first time it is at most the target, takes the {@link EndMeasures}
 * there: runs compared at equal training loss (METHODS §11) rather than at equal epochs. One
 * instance belongs to one run (it remembers whether the target was reached).
 */
public final class AtLossTarget implements Monitor {
    /** Row keys: the step of the match and the measures there. */
    public static final String STEP = "target_step";
    /** Row key: GC at the match. */
    public static final String GC = "target_gc";
    /** Row key: λ_max at the match. */
    public static final String SHARPNESS = "target_sharpness";
    /** Row key: ‖∇E‖² at the match. */
    public static final String GRAD_NORM_SQUARED = "target_grad_norm_sq";

    private final int every;
    private final double target;
    private final int lanczosSteps;
    private boolean reached;

    /**
     * Checks every {@code every} steps for training loss ≤ target; Lanczos with {@code lanczosSteps} steps there.
     *
     * @param every the checking period in steps
     * @param target the training loss to reach
     * @param lanczosSteps Lanczos steps for λ_max
     */
    public AtLossTarget(int every, double target, int lanczosSteps) {
        if (every < 1 || !(target > 0)) {
            throw new IllegalArgumentException("loss-target monitor needs every >= 1 and a target > 0, got " + every
                    + " and " + target);
        }
        this.every = every;
        this.target = target;
        this.lanczosSteps = lanczosSteps;
    }

    @Override
    public int every() {
        return every;
    }

    @Override
    public Map<String, Double> measure(Context ctx) {
        Map<String, Double> row = new LinkedHashMap<>();
        if (reached) {
            return row;
        }
        Params p = ctx.params();
        Batch all = ctx.train().all();
        double loss = Recording.noGrad(() -> ctx.objective().base().loss(p, all)).item();
        if (loss <= target) {
            reached = true;
            EndMeasures m = EndMeasures.measure(ctx.model(), ctx.objective().base(), p, all, lanczosSteps, ctx.step());
            row.put(STEP, (double) ctx.step());
            row.put(GC, m.gc());
            row.put(SHARPNESS, m.sharpness());
            row.put(GRAD_NORM_SQUARED, m.gradNormSquared());
        }
        return row;
    }

    /**
     * The measures at the match read back from a row, or NaN measures when the row has none.
     *
     * @param row a metrics row
     * @return the measures
     */
    public static EndMeasures of(Map<String, Object> row) {
        return row == null ? new EndMeasures(Double.NaN, Double.NaN, Double.NaN)
                : new EndMeasures(EndMeasures.number(row, GC), EndMeasures.number(row, SHARPNESS),
                EndMeasures.number(row, GRAD_NORM_SQUARED));
    }
}
