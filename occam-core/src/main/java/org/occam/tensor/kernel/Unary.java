package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/** Vectorized elementwise kernels of one argument. */
public final class Unary {
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** Elements per parallel chunk: fixed, so results never depend on the thread count. */
    static final int GRAIN = 1 << 15;

    private Unary() {
    }

    /** op applied to every element of x; the result is dense and carries no graph node. */
    public static Tensor apply(UnaryOp op, Tensor x) {
        Tensor[] once = Strided.collapseSharedBroadcast(x.shapeRef(), x);
        if (once != null) {
            return Strided.expandView(apply(op, once[0]), x.shapeRef());
        }
        Tensor a = Strided.dense(x);
        int n = a.numel();
        if (a.dtype() == DType.FLOAT64) {
            double[] in = a.doubleData();
            double[] out = new double[n];
            Parallel.forRange(n, GRAIN, (lo, hi) -> runD(op, in, out, lo, hi));
            return Tensor.wrap(out, a.shapeRef());
        }
        float[] in = a.floatData();
        float[] out = new float[n];
        Parallel.forRange(n, GRAIN, (lo, hi) -> runF(op, in, out, lo, hi));
        return Tensor.wrap(out, a.shapeRef());
    }

    /** A vector function of one argument (one per op, so each loop below stays monomorphic). */
    @FunctionalInterface
    private interface FloatFn {
        FloatVector apply(FloatVector v);
    }

    @FunctionalInterface
    private interface DoubleFn {
        DoubleVector apply(DoubleVector v);
    }

    private static void runF(UnaryOp op, float[] in, float[] out, int lo, int hi) {
        switch (op) {
            case NEG -> mapF(FloatVector::neg, in, out, lo, hi);
            case ABS -> mapF(FloatVector::abs, in, out, lo, hi);
            case RELU -> mapF(v -> v.max(0f), in, out, lo, hi);
            case STEP -> mapF(v -> FloatVector.zero(FS).blend(1f, v.compare(VectorOperators.GT, 0f)), in, out, lo, hi);
            case RECIP -> mapF(v -> FloatVector.broadcast(FS, 1f).div(v), in, out, lo, hi);
            case SQRT -> mapF(FloatVector::sqrt, in, out, lo, hi);
            case EXP -> mapF(v -> VectorMath.expF(v, false), in, out, lo, hi);
            case TANH -> mapF(VectorMath::tanhF, in, out, lo, hi);
            case SIGMOID -> mapF(VectorMath::sigmoidF, in, out, lo, hi);
            default -> {
                for (int i = lo; i < hi; i++) {
                    out[i] = (float) op.apply(in[i]);
                }
            }
        }
    }

    private static void runD(UnaryOp op, double[] in, double[] out, int lo, int hi) {
        switch (op) {
            case NEG -> mapD(DoubleVector::neg, in, out, lo, hi);
            case ABS -> mapD(DoubleVector::abs, in, out, lo, hi);
            case RELU -> mapD(v -> v.max(0d), in, out, lo, hi);
            case STEP -> mapD(v -> DoubleVector.zero(DS).blend(1d, v.compare(VectorOperators.GT, 0d)), in, out, lo, hi);
            case RECIP -> mapD(v -> DoubleVector.broadcast(DS, 1d).div(v), in, out, lo, hi);
            case SQRT -> mapD(DoubleVector::sqrt, in, out, lo, hi);
            case EXP -> mapD(v -> VectorMath.expD(v, false), in, out, lo, hi);
            case TANH -> mapD(VectorMath::tanhD, in, out, lo, hi);
            case SIGMOID -> mapD(VectorMath::sigmoidD, in, out, lo, hi);
            default -> {
                for (int i = lo; i < hi; i++) {
                    out[i] = op.apply(in[i]);
                }
            }
        }
    }

    /** out[i] = f(in[i]) over [lo, hi), the tail through a masked vector so every element sees the same code. */
    private static void mapF(FloatFn f, float[] in, float[] out, int lo, int hi) {
        int i = lo;
        for (int bound = lo + FS.loopBound(hi - lo); i < bound; i += FS.length()) {
            f.apply(FloatVector.fromArray(FS, in, i)).intoArray(out, i);
        }
        if (i < hi) {
            VectorMask<Float> m = FS.indexInRange(i, hi);
            f.apply(FloatVector.fromArray(FS, in, i, m)).intoArray(out, i, m);
        }
    }

    private static void mapD(DoubleFn f, double[] in, double[] out, int lo, int hi) {
        int i = lo;
        for (int bound = lo + DS.loopBound(hi - lo); i < bound; i += DS.length()) {
            f.apply(DoubleVector.fromArray(DS, in, i)).intoArray(out, i);
        }
        if (i < hi) {
            VectorMask<Double> m = DS.indexInRange(i, hi);
            f.apply(DoubleVector.fromArray(DS, in, i, m)).intoArray(out, i, m);
        }
    }
}
