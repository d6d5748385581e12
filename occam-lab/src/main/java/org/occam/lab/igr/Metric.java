package org.occam.lab.igr;

import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Direction;

/**
 * The four quantities measured at equal training loss, what IGR predicts for each as the
 * regularization grows, and whether a claim compares them as a relative or an absolute change.
 */
public enum Metric {
    /** R_IG = ‖∇E‖²/m: falls. */
    R_IG("R_IG", "IGR-2", IgrRun::rIg, Direction.DECREASE, true),
    /** λ_max of the training-loss Hessian: falls (flatter minima). */
    LAMBDA_MAX("lambda_max", "IGR-2", IgrRun::lambdaMax, Direction.DECREASE, true),
    /** Geometric complexity of the logits on the training set: falls. */
    GC("GC", "GC-2", IgrRun::gc, Direction.DECREASE, true),
    /** Accuracy on the whole test set: rises. */
    TEST_ACCURACY("test_acc", "IGR-2", IgrRun::testAccuracy, Direction.INCREASE, false);

    private final String label;
    private final String check;
    private final ToDoubleFunction<IgrRun> value;
    private final Direction expected;
    private final boolean relative;

    Metric(String label, String check, ToDoubleFunction<IgrRun> value, Direction expected, boolean relative) {
        this.label = label;
        this.check = check;
        this.value = value;
        this.expected = expected;
        this.relative = relative;
    }

    /**
     * Short name for tables and CSV.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The METHODS §11 check the claim belongs to (IGR-2 or GC-2).
     *
     * @return the check
     */
    public String check() {
        return check;
    }

    /**
     * The value of a run (NaN when it diverged).
     *
     * @param run a finished run
     * @return the value
     */
    public double of(IgrRun run) {
        return value.applyAsDouble(run);
    }

    /**
     * The direction IGR predicts as the regularization (h or μ) grows.
     *
     * @return the predicted direction
     */
    public Direction expected() {
        return expected;
    }

    /**
     * Whether claims compare relative changes (x_b − x_a)/x_a rather than differences x_b − x_a.
     *
     * @return whether it is relative
     */
    public boolean relative() {
        return relative;
    }

    /**
     * The per-seed statistic comparing run b (more regularization) with run a.
     *
     * @param a the run with less regularization
     * @param b the run with more
     * @return the statistic
     */
    public double change(IgrRun a, IgrRun b) {
        double va = of(a);
        double vb = of(b);
        return relative ? (vb - va) / va : vb - va;
    }
}
