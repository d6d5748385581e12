package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Fused elementwise kernels for hot backward rules (one pass instead of three). */
public final class Fused {
    private static final VectorSpecies<Float> FS = Unary.FS;
    private static final VectorSpecies<Double> DS = Unary.DS;

    private Fused() {
    }

    /**
     * g · (1 − y²), the tanh backward with y = tanh(x); g and y of one shape and dtype (the op layer
     * checks). A y broadcast along leading axes (the forward pass computed once for stacked
     * cotangents) is read in place, not copied.
     */
    public static Buffer tanhGrad(Buffer g, Buffer y) {
        Buffer a = Strided.dense(g);
        int period = Strided.period(y);
        Buffer b = period > 0 ? y : Strided.dense(y);
        int p = period > 0 ? period : a.numel();
        int yOff = b.offset();
        int n = a.numel();
        if (a.isDouble()) {
            double[] ga = a.doubleData();
            double[] ya = b.doubleData();
            double[] o = new double[n];
            Parallel.forRange(n, Unary.GRAIN, (lo, hi) -> {
                for (int s = lo; s < hi; ) {
                    int e = Math.min(hi, (s / p + 1) * p);
                    int yi = yOff + s % p - s;
                    int i = s;
                    for (int bound = s + DS.loopBound(e - s); i < bound; i += DS.length()) {
                        DoubleVector yv = DoubleVector.fromArray(DS, ya, yi + i);
                        DoubleVector gv = DoubleVector.fromArray(DS, ga, i);
                        gv.sub(gv.mul(yv).mul(yv)).intoArray(o, i);
                    }
                    for (; i < e; i++) {
                        o[i] = ga[i] - ga[i] * ya[yi + i] * ya[yi + i];
                    }
                    s = e;
                }
            });
            return Buffer.wrap(o, a.shapeRef());
        }
        float[] ga = a.floatData();
        float[] ya = b.floatData();
        float[] o = new float[n];
        Parallel.forRange(n, Unary.GRAIN, (lo, hi) -> {
            for (int s = lo; s < hi; ) {
                int e = Math.min(hi, (s / p + 1) * p);
                int yi = yOff + s % p - s;
                int i = s;
                for (int bound = s + FS.loopBound(e - s); i < bound; i += FS.length()) {
                    FloatVector yv = FloatVector.fromArray(FS, ya, yi + i);
                    FloatVector gv = FloatVector.fromArray(FS, ga, i);
                    gv.sub(gv.mul(yv).mul(yv)).intoArray(o, i);
                }
                for (; i < e; i++) {
                    o[i] = ga[i] - ga[i] * ya[yi + i] * ya[yi + i];
                }
                s = e;
            }
        });
        return Buffer.wrap(o, a.shapeRef());
    }
}
