package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.kernel.Parallel;
import org.occam.tensor.kernel.Unary;
import org.occam.tensor.kernel.UnaryOp;

/** The one-pass ReLU backward against the product g·step(x) it replaces, finite differences and thread counts. */
class ReluBackwardTest {

    @Test
    void sameBitsAsTheProductWithTheStepMask() {
        Rng rng = Rng.seed(31);
        for (DType dt : DType.values()) {
            for (int n : new int[] {1, 7, 16, 33, 1000, 70001}) {
                Tensor x = rng.normal(dt, 0, 1, n);
                double[] xv = x.toDoubleArray();
                xv[0] = 0; // the kink: step(0) = 0
                Tensor x0 = Tensor.of(dt, xv, n);
                Tensor g = rng.normal(dt, 0, 1, n);
                assertArrayEquals(g.mul(Tensor.from(Unary.apply(UnaryOp.STEP, x0.buffer()))).toDoubleArray(),
                        FusedOps.reluBackward(g, x0).toDoubleArray(), 0.0, dt + " n=" + n);
            }
            // a broadcast (strided) cotangent, as the backward of a sum produces
            Tensor x = rng.normal(dt, 0, 1, 5, 3);
            Tensor g = Tensor.full(2, dt, 1, 3).expand(5, 3);
            assertArrayEquals(g.contiguous().mul(Tensor.from(Unary.apply(UnaryOp.STEP, x.buffer()))).toDoubleArray(),
                    FusedOps.reluBackward(g, x).toDoubleArray(), 0.0);
        }
        assertThrows(IllegalArgumentException.class,
                () -> FusedOps.reluBackward(Tensor.zeros(DType.FLOAT64, 3), Tensor.zeros(DType.FLOAT64, 4)));
    }

    @Test
    void firstAndSecondDerivativesMatchFiniteDifferences() {
        Rng rng = Rng.seed(32);
        Tensor w = rng.normal(DType.FLOAT64, 0, 1, 4, 3);
        // x away from the kink so the finite differences see a smooth function
        Params p = Params.of("x", rng.normal(DType.FLOAT64, 0, 1, 5, 4).add(0.05), "w", w);
        Function<Params, Tensor> f = q -> q.get("x").matmul(q.get("w")).relu().mul(q.get("x").matmul(q.get("w"))).tanh().sum();
        OpsGradCheck.checkGrad(f, p);
        OpsGradCheck.checkHvp(f, p, rng);
        Function<Params, Tensor> penalty = q -> Autodiff.grad(f).apply(q).get("w").square().sum();
        OpsGradCheck.checkGrad(penalty, p);
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        for (DType dt : DType.values()) {
            assertArrayEquals(threaded(1, dt), threaded(2, dt), 0.0, dt.toString());
        }
    }

    private static double[] threaded(int threads, DType dt) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Rng rng = Rng.seed(33);
            return FusedOps.reluBackward(rng.normal(dt, 0, 1, 100003), rng.normal(dt, 0, 1, 100003)).toDoubleArray();
        } finally {
            Parallel.setThreads(old);
        }
    }
}
