package org.occam.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.tensor.Ops;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.tensor.kernel.Parallel;

/** Same seed, same computation: identical bits with 1 and 2 threads. */
class DeterminismTest {

    private static double[] run(int threads, DType dtype) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Rng rng = Rng.seed(2024);
            Tensor x = rng.normal(dtype, 0, 1, 256, 300);
            int[] y = rng.ints(256, 10);
            Tensor onehot = Ops.oneHot(y, 10, dtype);
            Params p = Params.of("0.weight", rng.normal(dtype, 0, 0.05, 257, 300), "0.bias", rng.normal(dtype, 0, 0.05, 257),
                    "2.weight", rng.normal(dtype, 0, 0.05, 10, 257), "2.bias", rng.normal(dtype, 0, 0.05, 10));
            Function<Params, Tensor> loss = q -> {
                Tensor h = x.matmul(q.get("0.weight").t()).add(q.get("0.bias")).tanh();
                Tensor logits = h.matmul(q.get("2.weight").t()).add(q.get("2.bias"));
                return logits.logSoftmax(1).mul(onehot).sum(1).mean().neg();
            };
            Params g = Autodiff.grad(loss).apply(p);
            Params hv = Autodiff.hvp(loss, p, g);
            Tensor big = rng.normal(dtype, 0, 1, 600, 700).exp().sum();
            return Ops.concat(0, g.flatten().to(DType.FLOAT64), hv.flatten().to(DType.FLOAT64),
                    big.reshape(1).to(DType.FLOAT64)).toDoubleArray();
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void float32BitsDoNotDependOnThreadCount() {
        assertArrayEquals(run(1, DType.FLOAT32), run(2, DType.FLOAT32), 0.0);
    }

    @Test
    void float64BitsDoNotDependOnThreadCount() {
        assertArrayEquals(run(1, DType.FLOAT64), run(2, DType.FLOAT64), 0.0);
    }
}
