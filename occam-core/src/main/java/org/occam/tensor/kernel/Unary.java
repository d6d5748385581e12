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

    /** Ops computed with IEEE-exact vector code; the rest run StrictMath per element (still deterministic). */
    private static boolean vectorized(UnaryOp op) {
        return switch (op) {
            case NEG, ABS, RELU, STEP, RECIP, SQRT, EXP, TANH, SIGMOID -> true;
            default -> false;
        };
    }

    private static void runF(UnaryOp op, float[] in, float[] out, int lo, int hi) {
        if (!vectorized(op)) {
            for (int i = lo; i < hi; i++) {
                out[i] = (float) op.apply(in[i]);
            }
            return;
        }
        int i = lo;
        for (int bound = lo + FS.loopBound(hi - lo); i < bound; i += FS.length()) {
            vecF(op, FloatVector.fromArray(FS, in, i)).intoArray(out, i);
        }
        if (i < hi) {
            VectorMask<Float> m = FS.indexInRange(i, hi);
            vecF(op, FloatVector.fromArray(FS, in, i, m)).intoArray(out, i, m);
        }
    }

    private static void runD(UnaryOp op, double[] in, double[] out, int lo, int hi) {
        if (!vectorized(op)) {
            for (int i = lo; i < hi; i++) {
                out[i] = op.apply(in[i]);
            }
            return;
        }
        int i = lo;
        for (int bound = lo + DS.loopBound(hi - lo); i < bound; i += DS.length()) {
            vecD(op, DoubleVector.fromArray(DS, in, i)).intoArray(out, i);
        }
        if (i < hi) {
            VectorMask<Double> m = DS.indexInRange(i, hi);
            vecD(op, DoubleVector.fromArray(DS, in, i, m)).intoArray(out, i, m);
        }
    }

    private static FloatVector vecF(UnaryOp op, FloatVector v) {
        return switch (op) {
            case NEG -> v.neg();
            case ABS -> v.abs();
            case RELU -> v.max(0f);
            case STEP -> FloatVector.zero(FS).blend(1f, v.compare(VectorOperators.GT, 0f));
            case RECIP -> FloatVector.broadcast(FS, 1f).div(v);
            case SQRT -> v.sqrt();
            case EXP -> VectorMath.expF(v, false);
            case TANH -> VectorMath.tanhF(v);
            case SIGMOID -> VectorMath.sigmoidF(v);
            default -> throw new IllegalStateException(op + " is not vectorized");
        };
    }

    private static DoubleVector vecD(UnaryOp op, DoubleVector v) {
        return switch (op) {
            case NEG -> v.neg();
            case ABS -> v.abs();
            case RELU -> v.max(0d);
            case STEP -> DoubleVector.zero(DS).blend(1d, v.compare(VectorOperators.GT, 0d));
            case RECIP -> DoubleVector.broadcast(DS, 1d).div(v);
            case SQRT -> v.sqrt();
            case EXP -> VectorMath.expD(v, false);
            case TANH -> VectorMath.tanhD(v);
            case SIGMOID -> VectorMath.sigmoidD(v);
            default -> throw new IllegalStateException(op + " is not vectorized");
        };
    }
}
