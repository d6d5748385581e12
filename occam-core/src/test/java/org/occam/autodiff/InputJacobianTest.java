package org.occam.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

class InputJacobianTest {
    /** The batched-cotangent Frobenius norm equals the sum over examples of dense Jacobians. */
    @Test
    void frobeniusNormMatchesDenseJacobians() {
        Rng rng = Rng.seed(12);
        DType f64 = DType.FLOAT64;
        Tensor w1 = rng.normal(f64, 0, 1, 5, 4);
        Tensor b1 = rng.normal(f64, 0, 1, 5);
        Tensor w2 = rng.normal(f64, 0, 1, 3, 5);
        Function<Tensor, Tensor> f = x -> x.matmul(w1.t()).add(b1).tanh().matmul(w2.t());
        Tensor x = rng.normal(f64, 0, 1, 6, 4);
        double expected = 0;
        for (int b = 0; b < 6; b++) {
            Tensor xb = x.slice(0, b, b + 1).reshape(4);
            Tensor j = Autodiff.jacobian(xi -> f.apply(xi.reshape(1, 4)).reshape(3), xb);
            expected += j.square().sum().item();
        }
        double got = InputJacobian.frobeniusSquared(f, x, 3).item();
        assertEquals(expected, got, 1e-12 * expected);
    }
}
