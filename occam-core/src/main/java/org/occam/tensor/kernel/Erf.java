package org.occam.tensor.kernel;

/**
 * The complementary error function to double precision (relative error below 1.2e-16 in the
 * central range), by the rational Chebyshev approximations of W. J. Cody (Math. Comp. 1969).
 */
final class Erf {
    private Erf() {
    }

    private static final double[] A = {3.16112374387056560e00, 1.13864154151050156e02,
        3.77485237685302021e02, 3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {2.36012909523441209e01, 2.44024637934444173e02,
        1.28261652607737228e03, 2.84423683343917062e03};
    private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594e00,
        6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02,
        1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
        2.15311535474403846e-8};
    private static final double[] D = {1.57449261107098347e01, 1.17693950891312499e02,
        5.37181101862009858e02, 1.62138957456669019e03, 3.29079923573345963e03,
        4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03};
    private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1,
        1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4,
        1.63153871373020978e-2};
    private static final double[] Q = {2.56852019228982242e00, 1.87295284992346725e00,
        5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3};
    private static final double SQRPI = 5.6418958354775628695e-1;

    /** erf(x). */
    static double erf(double x) {
        double y = Math.abs(x);
        if (y <= 0.46875) {
            return x * small(y);
        }
        double r = erfcPositive(y);
        return x < 0 ? r - 1 : 1 - r;
    }

    /** erfc(x) = 1 - erf(x). */
    static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= 0.46875) {
            return 1 - x * small(y);
        }
        double r = erfcPositive(y);
        return x < 0 ? 2 - r : r;
    }

    private static double small(double y) {
        double z = y > 1.11e-16 ? y * y : 0;
        double num = A[4] * z;
        double den = z;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * z;
            den = (den + B[i]) * z;
        }
        return (num + A[3]) / (den + B[3]);
    }

    private static double erfcPositive(double y) {
        double r;
        if (y <= 4) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            r = (num + C[7]) / (den + D[7]);
        } else {
            if (y >= 26.6) {
                return 0;
            }
            double z = 1 / (y * y);
            double num = P[5] * z;
            double den = z;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * z;
                den = (den + Q[i]) * z;
            }
            r = z * (num + P[4]) / (den + Q[4]);
            r = (SQRPI - r) / y;
        }
        double ysq = Math.floor(y * 16) / 16;
        double del = (y - ysq) * (y + ysq);
        return StrictMath.exp(-ysq * ysq) * StrictMath.exp(-del) * r;
    }
}
