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

    /** g · (1 − y²), the tanh backward with y = tanh(x); g and y of one shape and dtype (the op layer checks). */
    public static Buffer tanhGrad(Buffer g, Buffer y) {
        Buffer a = Strided.dense(g);
        Buffer b = Strided.dense(y);
        int n = a.numel();
        if (a.isDouble()) {
            double[] ga = a.doubleData();
            double[] ya = b.doubleData();
            double[] o = new double[n];
            Parallel.forRange(n, Unary.GRAIN, (lo, hi) -> {
                int i = lo;
                for (int bound = lo + DS.loopBound(hi - lo); i < bound; i += DS.length()) {
                    DoubleVector yv = DoubleVector.fromArray(DS, ya, i);
                    DoubleVector gv = DoubleVector.fromArray(DS, ga, i);
                    gv.sub(gv.mul(yv).mul(yv)).intoArray(o, i);
                }
                for (; i < hi; i++) {
                    o[i] = ga[i] - ga[i] * ya[i] * ya[i];
                }
            });
            return Buffer.wrap(o, a.shapeRef());
        }
        float[] ga = a.floatData();
        float[] ya = b.floatData();
        float[] o = new float[n];
        Parallel.forRange(n, Unary.GRAIN, (lo, hi) -> {
            int i = lo;
            for (int bound = lo + FS.loopBound(hi - lo); i < bound; i += FS.length()) {
                FloatVector yv = FloatVector.fromArray(FS, ya, i);
                FloatVector gv = FloatVector.fromArray(FS, ga, i);
                gv.sub(gv.mul(yv).mul(yv)).intoArray(o, i);
            }
            for (; i < hi; i++) {
                o[i] = ga[i] - ga[i] * ya[i] * ya[i];
            }
        });
        return Buffer.wrap(o, a.shapeRef());
    }
}
