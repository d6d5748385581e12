package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.occam.tensor.DType;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/** Fused elementwise kernels for hot backward rules (one pass instead of three). */
public final class Fused {
    private static final VectorSpecies<Float> FS = Unary.FS;
    private static final VectorSpecies<Double> DS = Unary.DS;

    private Fused() {
    }

    /** g · (1 − y²), the tanh backward with y = tanh(x); g and y of one shape. */
    public static Tensor tanhGrad(Tensor g, Tensor y) {
        if (!Shape.same(g.shapeRef(), y.shapeRef()) || g.dtype() != y.dtype()) {
            throw new IllegalArgumentException("tanh backward: gradient " + g.dtype() + " " + Shape.str(g.shapeRef())
                    + " vs output " + y.dtype() + " " + Shape.str(y.shapeRef()));
        }
        Tensor a = Strided.dense(g);
        Tensor b = Strided.dense(y);
        int n = a.numel();
        if (a.dtype() == DType.FLOAT64) {
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
            return Tensor.wrap(o, a.shapeRef());
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
        return Tensor.wrap(o, a.shapeRef());
    }
}
