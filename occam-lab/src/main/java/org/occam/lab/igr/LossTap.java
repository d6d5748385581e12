package org.occam.lab.igr;

import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * An objective that keeps the value of its last evaluation: EGR's step evaluates E on the way to
 * E + μ‖∇E‖², so the step's E is read here instead of from a second forward pass over the
 * training set (the same operations on the same parameters: the same bits,
 * {@code LossTapTest}). One tap serves one run on one thread.
 */
final class LossTap implements Objective {
    private final Objective base;
    private double last = Double.NaN;
    private boolean fresh;

    LossTap(Objective base) {
        this.base = base;
    }

    @Override
    public Tensor loss(Params params, Batch batch) {
        Tensor e = base.loss(params, batch);
        last = e.item();
        fresh = true;
        return e;
    }

    /** E of the evaluation since the last take; refuses a second take of the same evaluation. */
    double take() {
        if (!fresh) {
            throw new IllegalStateException("no evaluation of E since the last one was taken");
        }
        fresh = false;
        return last;
    }
}
