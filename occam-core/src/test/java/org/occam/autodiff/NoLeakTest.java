package org.occam.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** 10^5 Hessian-vector products leave no graph or buffer behind. */
class NoLeakTest {
    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void hundredThousandHvpsDoNotGrowTheHeap() {
        Rng rng = Rng.seed(9);
        Tensor x = rng.normal(DType.FLOAT64, 0, 1, 8, 4);
        Function<Params, Tensor> f = p -> x.matmul(p.get("w")).tanh().square().sum();
        Params p = Params.of("w", rng.normal(DType.FLOAT64, 0, 1, 4, 3));
        Params v = Params.of("w", rng.normal(DType.FLOAT64, 0, 1, 4, 3));
        for (int i = 0; i < 2_000; i++) {
            Autodiff.hvp(f, p, v);
        }
        long before = usedAfterGc();
        double checksum = 0;
        for (int i = 0; i < 100_000; i++) {
            checksum += Autodiff.hvp(f, p, v).get("w").get(0, 0);
        }
        long after = usedAfterGc();
        assertTrue(Double.isFinite(checksum));
        // A leak of even one small graph per call (~several KB) would add hundreds of MB.
        assertTrue(after - before < 16L << 20, "heap grew by " + ((after - before) >> 10) + " KiB over 10^5 hvp calls");
    }
}
