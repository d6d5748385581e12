package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ReLU backward g·step(x) (step(x) = 1 where x &gt; 0, else 0) in one pass over raw arrays of
 * one length, instead of a step mask and a product; the same bits as that product.
 */
public final class ReluGrad {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** Elements per parallel chunk: fixed, so results never depend on the thread count. */
    private static final int GRAIN = 1 << 15;

    private ReluGrad() {
    }

    /** g·step(x) as a new dense buffer of g's shape; g and x must have one shape and one dtype (checked by the op). */
    public static Buffer apply(Buffer g, Buffer x) {
        Buffer gd = Strided.dense(g);
        Buffer xd = Strided.dense(x);
        int n = gd.numel();
        if (gd.isDouble()) {
            double[] o = new double[n];
            apply(gd.doubleData(), xd.doubleData(), o, n);
            return Buffer.wrap(o, gd.shapeRef());
        }
        float[] o = new float[n];
        apply(gd.floatData(), xd.floatData(), o, n);
        return Buffer.wrap(o, gd.shapeRef());
    }

    /** out[i] = g[i]·(x[i] &gt; 0 ? 1 : 0) for i below n. */
    public static void apply(float[] g, float[] x, float[] out, int n) {
        Parallel.forRange(n, GRAIN, (lo, hi) -> rangeF(g, x, out, lo, hi));
    }

    /** out[i] = g[i]·(x[i] &gt; 0 ? 1 : 0) for i below n. */
    public static void apply(double[] g, double[] x, double[] out, int n) {
        Parallel.forRange(n, GRAIN, (lo, hi) -> rangeD(g, x, out, lo, hi));
    }

    private static void rangeF(float[] g, float[] x, float[] out, int lo, int hi) {
        int i = lo;
        for (int bound = lo + FS.loopBound(hi - lo); i < bound; i += FS.length()) {
            FloatVector step = FloatVector.zero(FS).blend(1f, FloatVector.fromArray(FS, x, i).compare(VectorOperators.GT, 0f));
            FloatVector.fromArray(FS, g, i).mul(step).intoArray(out, i);
        }
        for (; i < hi; i++) {
            out[i] = g[i] * (x[i] > 0 ? 1f : 0f);
        }
    }

    private static void rangeD(double[] g, double[] x, double[] out, int lo, int hi) {
        int i = lo;
        for (int bound = lo + DS.loopBound(hi - lo); i < bound; i += DS.length()) {
            DoubleVector step = DoubleVector.zero(DS).blend(1d, DoubleVector.fromArray(DS, x, i).compare(VectorOperators.GT, 0d));
            DoubleVector.fromArray(DS, g, i).mul(step).intoArray(out, i);
        }
        for (; i < hi; i++) {
            out[i] = g[i] * (x[i] > 0 ? 1d : 0d);
        }
    }
}
