package org.occam.landscape;

import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/** Parameters as one float64 vector and back (the order of {@link Params#flatten()}). */
final class FlatParams {
    private FlatParams() {
    }

    /** All entries of {@code p}, in order, as a fresh double array. */
    static double[] of(Params p) {
        return p.flatten().toDoubleArray();
    }

    /** A tree shaped like {@code template}, in its dtype, holding {@code v}. */
    static Params like(Params template, double[] v) {
        return template.unflatten(Tensor.of(v, v.length).to(template.dtype()));
    }
}
