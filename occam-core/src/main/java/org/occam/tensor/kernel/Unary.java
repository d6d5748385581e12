package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vectorized elementwise kernels of one argument. */
public final class Unary {
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** Elements per parallel chunk: fixed, so results never depend on the thread count. */
    static final int GRAIN = 1 << 15;

    private Unary() {
    }

    /** op applied to every element of x; the result is dense. */
    public static Buffer apply(UnaryOp op, Buffer x) {
        Buffer[] once = Strided.collapseSharedBroadcast(x.shapeRef(), x);
        if (once != null) {
            return Strided.expandView(apply(op, once[0]), x.shapeRef());
        }
        Buffer a = Strided.dense(x);
        int n = a.numel();
        if (a.isDouble()) {
            double[] in = a.doubleData();
            double[] out = new double[n];
            Parallel.forRange(n, GRAIN, (lo, hi) -> runD(op, in, out, lo, hi));
            return Buffer.wrap(out, a.shapeRef());
        }
        float[] in = a.floatData();
        float[] out = new float[n];
        Parallel.forRange(n, GRAIN, (lo, hi) -> runF(op, in, out, lo, hi));
        return Buffer.wrap(out, a.shapeRef());
    }

    // One loop method per op and dtype: vectors never cross a call that the JIT might not inline.
    // (A shared loop taking the op as a lambda made that call megamorphic once a program used three or
    // more ops; C2 then compiled the loop with the lambda out of line, boxing every vector into the
    // Vector API's Java fallback: 5-10x slower for the rest of the JVM's life, depending on the order
    // in which ops first ran and got compiled.)

    private static void runF(UnaryOp op, float[] in, float[] out, int lo, int hi) {
        int end = lo + FS.loopBound(hi - lo);
        switch (op) {
            case NEG -> negF(in, out, lo, end);
            case ABS -> absF(in, out, lo, end);
            case RELU -> reluF(in, out, lo, end);
            case STEP -> stepF(in, out, lo, end);
            case RECIP -> recipF(in, out, lo, end);
            case SQRT -> sqrtF(in, out, lo, end);
            case EXP -> expF(in, out, lo, end);
            case TANH -> tanhF(in, out, lo, end);
            case SIGMOID -> sigmoidF(in, out, lo, end);
            default -> {
                for (int i = lo; i < hi; i++) {
                    out[i] = (float) op.apply(in[i]);
                }
                return;
            }
        }
        if (end < hi) {
            VectorMask<Float> m = FS.indexInRange(end, hi);
            fnF(op, FloatVector.fromArray(FS, in, end, m)).intoArray(out, end, m);
        }
    }

    /** The op on one vector (used for the masked tail of a chunk, so every element sees the same code). */
    private static FloatVector fnF(UnaryOp op, FloatVector v) {
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

    private static void negF(float[] in, float[] out, int lo, int end) {
        for (int i = lo; i < end; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, in, i);
            (v.neg()).intoArray(out, i);
        }
    }

    private static void absF(float[] in, float[] out, int lo, int end) {
        for (int i = lo; i < end; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, in, i);
            (v.abs()).intoArray(out, i);
        }
    }

    private static void reluF(float[] in, float[] out, int lo, int end) {
        for (int i = lo; i < end; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, in, i);
            (v.max(0f)).intoArray(out, i);
        }
    }

    private static void stepF(float[] in, float[] out, int lo, int end) {
        for (int i = lo; i < end; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, in, i);
            (FloatVector.zero(FS).blend(1f, v.compare(VectorOperators.GT, 0f))).intoArray(out, i);
        }
    }

    private static void recipF(float[] in, float[] out, int lo, int end) {
        for (int i = lo; i < end; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, in, i);
            (FloatVector.broadcast(FS, 1f).div(v)).intoArray(out, i);
        }
    }

    private static void sqrtF(float[] in, float[] out, int lo, int end) {
        for (int i = lo; i < end; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, in, i);
            (v.sqrt()).intoArray(out, i);
        }
    }

    private static void expF(float[] in, float[] out, int lo, int end) {
        for (int i = lo; i < end; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, in, i);
            (VectorMath.expF(v, false)).intoArray(out, i);
        }
    }

    private static void tanhF(float[] in, float[] out, int lo, int end) {
        for (int i = lo; i < end; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, in, i);
            (VectorMath.tanhF(v)).intoArray(out, i);
        }
    }

    private static void sigmoidF(float[] in, float[] out, int lo, int end) {
        for (int i = lo; i < end; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, in, i);
            (VectorMath.sigmoidF(v)).intoArray(out, i);
        }
    }

    private static void runD(UnaryOp op, double[] in, double[] out, int lo, int hi) {
        int end = lo + DS.loopBound(hi - lo);
        switch (op) {
            case NEG -> negD(in, out, lo, end);
            case ABS -> absD(in, out, lo, end);
            case RELU -> reluD(in, out, lo, end);
            case STEP -> stepD(in, out, lo, end);
            case RECIP -> recipD(in, out, lo, end);
            case SQRT -> sqrtD(in, out, lo, end);
            case EXP -> expD(in, out, lo, end);
            case TANH -> tanhD(in, out, lo, end);
            case SIGMOID -> sigmoidD(in, out, lo, end);
            default -> {
                for (int i = lo; i < hi; i++) {
                    out[i] = op.apply(in[i]);
                }
                return;
            }
        }
        if (end < hi) {
            VectorMask<Double> m = DS.indexInRange(end, hi);
            fnD(op, DoubleVector.fromArray(DS, in, end, m)).intoArray(out, end, m);
        }
    }

    /** The op on one vector (used for the masked tail of a chunk, so every element sees the same code). */
    private static DoubleVector fnD(UnaryOp op, DoubleVector v) {
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

    private static void negD(double[] in, double[] out, int lo, int end) {
        for (int i = lo; i < end; i += DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, in, i);
            (v.neg()).intoArray(out, i);
        }
    }

    private static void absD(double[] in, double[] out, int lo, int end) {
        for (int i = lo; i < end; i += DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, in, i);
            (v.abs()).intoArray(out, i);
        }
    }

    private static void reluD(double[] in, double[] out, int lo, int end) {
        for (int i = lo; i < end; i += DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, in, i);
            (v.max(0d)).intoArray(out, i);
        }
    }

    private static void stepD(double[] in, double[] out, int lo, int end) {
        for (int i = lo; i < end; i += DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, in, i);
            (DoubleVector.zero(DS).blend(1d, v.compare(VectorOperators.GT, 0d))).intoArray(out, i);
        }
    }

    private static void recipD(double[] in, double[] out, int lo, int end) {
        for (int i = lo; i < end; i += DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, in, i);
            (DoubleVector.broadcast(DS, 1d).div(v)).intoArray(out, i);
        }
    }

    private static void sqrtD(double[] in, double[] out, int lo, int end) {
        for (int i = lo; i < end; i += DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, in, i);
            (v.sqrt()).intoArray(out, i);
        }
    }

    private static void expD(double[] in, double[] out, int lo, int end) {
        for (int i = lo; i < end; i += DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, in, i);
            (VectorMath.expD(v, false)).intoArray(out, i);
        }
    }

    private static void tanhD(double[] in, double[] out, int lo, int end) {
        for (int i = lo; i < end; i += DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, in, i);
            (VectorMath.tanhD(v)).intoArray(out, i);
        }
    }

    private static void sigmoidD(double[] in, double[] out, int lo, int end) {
        for (int i = lo; i < end; i += DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, in, i);
            (VectorMath.sigmoidD(v)).intoArray(out, i);
        }
    }
}
