package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, expm1, tanh and sigmoid built only from IEEE-exact operations (add, multiply, fused
 * multiply-add, divide, integer bit moves).
 *
 * <p>Why not the Vector API's own EXP/TANH: those run SVML stubs once compiled but a different
 * fallback before, so the same input can give different bits depending on JIT state, and results
 * would change between runs. These functions give the same bits in every tier, for every lane
 * position, and match the scalar versions below exactly.
 *
 * <p>Method: Cody-Waite reduction x = n·ln2 + r with |r| ≤ ln2/2 (n by the round-to-nearest magic
 * constant), expm1(r) by a Taylor polynomial in Horner form, then 2^n·(1 + p) − 1 or 2^n·(1 + p).
 * Accuracy against StrictMath: exp and sigmoid within 4 ulps, tanh within 6 (VectorMathTest).
 */
final class VectorMath {
    private VectorMath() {
    }

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double MAGIC_D = 6755399441055744.0; // 1.5 * 2^52
    private static final double MAX_D = 709.0;
    private static final double MIN_D = -708.0;
    /** 1/k! for k = 2..12. */
    private static final double[] INV_FACT_D = {
        1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880,
        1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600};

    private static final float LOG2E_F = 1.44269504f;
    private static final float LN2_HI_F = 0.693145751953125f;
    private static final float LN2_LO_F = 1.428606765330187045e-06f;
    private static final float MAGIC_F = 12582912.0f; // 1.5 * 2^23
    private static final float MAX_F = 88.0f;
    private static final float MIN_F = -87.0f;
    private static final float[] INV_FACT_F = {1f / 2, 1f / 6, 1f / 24, 1f / 120, 1f / 720, 1f / 5040, 1f / 40320};

    // ------------------------------------------------------------------ float64, vector

    /** p = expm1(r) − ... : the polynomial part r + r²/2! + ... + r^12/12!. */
    private static DoubleVector polyD(DoubleVector r) {
        DoubleVector p = DoubleVector.broadcast(r.species(), INV_FACT_D[INV_FACT_D.length - 1]);
        for (int i = INV_FACT_D.length - 2; i >= 0; i--) {
            p = p.fma(r, DoubleVector.broadcast(r.species(), INV_FACT_D[i]));
        }
        return p.mul(r).fma(r, r); // r + r²·(1/2 + r/6 + ...)
    }

    /** e^x, or e^x − 1 when {@code minusOne}. */
    static DoubleVector expD(DoubleVector x, boolean minusOne) {
        VectorSpecies<Double> s = x.species();
        VectorMask<Double> tooSmall = x.compare(VectorOperators.LT, MIN_D);
        VectorMask<Double> tooLarge = x.compare(VectorOperators.GT, MAX_D);
        VectorMask<Double> nan = x.compare(VectorOperators.NE, x);
        DoubleVector xc = x.max(MIN_D).min(MAX_D);
        DoubleVector shifted = xc.fma(LOG2E, MAGIC_D);
        DoubleVector n = shifted.sub(MAGIC_D);
        DoubleVector r = n.fma(DoubleVector.broadcast(s, -LN2_HI), xc).add(n.mul(-LN2_LO));
        DoubleVector p = polyD(r);
        LongVector bits = shifted.reinterpretAsLongs().sub(Double.doubleToRawLongBits(MAGIC_D)).add(1023L).lanewise(VectorOperators.LSHL, 52);
        DoubleVector scale = bits.reinterpretAsDoubles();
        DoubleVector out;
        if (minusOne) {
            out = scale.fma(p, scale.sub(1.0)); // 2^n·p + (2^n − 1)
            out = out.blend(-1.0, tooSmall);
        } else {
            out = scale.fma(p, scale); // 2^n·(1 + p)
            out = out.blend(0.0, tooSmall);
        }
        out = out.blend(Double.POSITIVE_INFINITY, tooLarge);
        return out.blend(x, nan);
    }

    /** tanh(x) = sign(x)·e/(e + 2) with e = expm1(2|x|), saturating at |x| = 20. */
    static DoubleVector tanhD(DoubleVector x) {
        DoubleVector ax = x.abs().min(20.0);
        DoubleVector e = expD(ax.mul(2.0), true);
        DoubleVector t = e.div(e.add(2.0));
        return t.blend(t.neg(), x.compare(VectorOperators.LT, 0.0)).blend(x, x.compare(VectorOperators.NE, x));
    }

    /** 1/(1 + e^−x). */
    static DoubleVector sigmoidD(DoubleVector x) {
        DoubleVector e = expD(x.neg(), false);
        return DoubleVector.broadcast(x.species(), 1.0).div(e.add(1.0));
    }

    // ------------------------------------------------------------------ float32, vector

    private static FloatVector polyF(FloatVector r) {
        FloatVector p = FloatVector.broadcast(r.species(), INV_FACT_F[INV_FACT_F.length - 1]);
        for (int i = INV_FACT_F.length - 2; i >= 0; i--) {
            p = p.fma(r, FloatVector.broadcast(r.species(), INV_FACT_F[i]));
        }
        return p.mul(r).fma(r, r);
    }

    static FloatVector expF(FloatVector x, boolean minusOne) {
        VectorMask<Float> tooSmall = x.compare(VectorOperators.LT, MIN_F);
        VectorMask<Float> tooLarge = x.compare(VectorOperators.GT, MAX_F);
        VectorMask<Float> nan = x.compare(VectorOperators.NE, x);
        FloatVector xc = x.max(MIN_F).min(MAX_F);
        FloatVector shifted = xc.fma(FloatVector.broadcast(x.species(), LOG2E_F), FloatVector.broadcast(x.species(), MAGIC_F));
        FloatVector n = shifted.sub(MAGIC_F);
        FloatVector r = n.fma(FloatVector.broadcast(x.species(), -LN2_HI_F), xc).add(n.mul(-LN2_LO_F));
        FloatVector p = polyF(r);
        IntVector bits = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(MAGIC_F)).add(127).lanewise(VectorOperators.LSHL, 23);
        FloatVector scale = bits.reinterpretAsFloats();
        FloatVector out;
        if (minusOne) {
            out = scale.fma(p, scale.sub(1f)).blend(-1f, tooSmall);
        } else {
            out = scale.fma(p, scale).blend(0f, tooSmall);
        }
        out = out.blend(Float.POSITIVE_INFINITY, tooLarge);
        return out.blend(x, nan);
    }

    static FloatVector tanhF(FloatVector x) {
        FloatVector ax = x.abs().min(10f);
        FloatVector e = expF(ax.mul(2f), true);
        FloatVector t = e.div(e.add(2f));
        return t.blend(t.neg(), x.compare(VectorOperators.LT, 0f)).blend(x, x.compare(VectorOperators.NE, x));
    }

    static FloatVector sigmoidF(FloatVector x) {
        FloatVector e = expF(x.neg(), false);
        return FloatVector.broadcast(x.species(), 1f).div(e.add(1f));
    }

    // ------------------------------------------------------------------ scalar versions (same bits)

    private static final VectorSpecies<Double> D1 = DoubleVector.SPECIES_64;
    private static final VectorSpecies<Float> F1 = FloatVector.SPECIES_64;

    /** The scalar e^x with exactly the vector version's bits. */
    static double exp(double x) {
        return expD(DoubleVector.broadcast(D1, x), false).lane(0);
    }

    static double tanh(double x) {
        return tanhD(DoubleVector.broadcast(D1, x)).lane(0);
    }

    static double sigmoid(double x) {
        return sigmoidD(DoubleVector.broadcast(D1, x)).lane(0);
    }

    static float exp(float x) {
        return expF(FloatVector.broadcast(F1, x), false).lane(0);
    }

    static float tanh(float x) {
        return tanhF(FloatVector.broadcast(F1, x)).lane(0);
    }

    static float sigmoid(float x) {
        return sigmoidF(FloatVector.broadcast(F1, x)).lane(0);
    }
}
