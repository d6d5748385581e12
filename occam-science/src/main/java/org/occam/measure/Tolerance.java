package org.occam.measure;

import org.occam.tensor.DType;

/**
 * The stopping rule of an iterative estimator (docs/curvature.md): stop once the relative error
 * reaches {@code relative}, or after {@code cap} steps, whichever comes first. For eigenvalue
 * solvers the error is the residual ‖A v − θ v‖/|θ| and the cap counts Lanczos or power steps;
 * for Monte-Carlo estimators it is the standard error over |mean| and the cap counts probes.
 *
 * @param relative the requested relative error, in (0, 1)
 * @param cap      the most steps (or probes) allowed, at least 1
 */
public record Tolerance(double relative, int cap) {
    /** The default relative residual of eigenvalue solvers on float64 operators. */
    public static final double EIGEN_FLOAT64 = 1e-6;
    /** The default on float32 operators, whose HVPs carry ~1e-7·‖H‖ round-off of their own. */
    public static final double EIGEN_FLOAT32 = 1e-4;
    /** The default step cap of eigenvalue solvers. */
    public static final int EIGEN_CAP = 300;

    /** Checks relative in (0, 1) and cap ≥ 1. */
    public Tolerance {
        if (!(relative > 0 && relative < 1)) {
            throw new IllegalArgumentException("tolerance must lie in (0, 1), got " + relative);
        }
        if (cap < 1) {
            throw new IllegalArgumentException("step cap must be at least 1, got " + cap);
        }
    }

    /**
     * The default eigenvalue tolerance for an operator in this dtype, with the default step cap.
     *
     * @param dtype the operator's dtype
     * @return the tolerance
     */
    public static Tolerance eigen(DType dtype) {
        return new Tolerance(dtype == DType.FLOAT64 ? EIGEN_FLOAT64 : EIGEN_FLOAT32, EIGEN_CAP);
    }

    /**
     * Whether an error meets the tolerance relative to a scale: error ≤ relative·|scale|.
     *
     * @param error the error to judge
     * @param scale the quantity the error is relative to
     * @return whether error ≤ relative·|scale|
     */
    public boolean met(double error, double scale) {
        return error <= relative * Math.abs(scale);
    }

    /**
     * The same tolerance with another cap.
     *
     * @param newCap the cap
     * @return the tolerance
     */
    public Tolerance withCap(int newCap) {
        return new Tolerance(relative, newCap);
    }
}
