package org.occam.tensor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.kernel.Im2col;

/**
 * Not a test: compares the conv2d kernels with the former whole-batch im2col path and the max-pool
 * kernel with the former column max, in main-thread CPU time, alternating A and B. For choosing
 * between implementations only (run with OCCAM_THREADS=1 on a quiet machine for numbers).
 */
public final class ConvBenchMain {
    private ConvBenchMain() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Rng rng = Rng.seed(0);
        int[][] shapes = {{128, 1, 28, 28, 16}, {128, 16, 14, 14, 32}, {128, 16, 32, 32, 16}, {128, 64, 8, 8, 64}};
        for (int[] s : shapes) {
            Params p = Params.of("x", rng.normal(DType.FLOAT32, 0, 1, s[0], s[1], s[2], s[3]),
                    "w", rng.normal(DType.FLOAT32, 0, 0.1, s[4], s[1], 3, 3));
            Function<Params, Tensor> now = q -> Ops.conv2d(q.get("x"), q.get("w"), null, 1, 1).square().sum();
            Function<Params, Tensor> before = q -> {
                Tensor cols = ConvOps.unfold(q.get("x"), 3, 3, 1, 1, 0);
                Tensor out = MatmulOps.mm(ViewOps.reshape(q.get("w"), s[4], s[1] * 9), cols);
                return out.square().sum();
            };
            Function<Params, Tensor> pool = q -> Ops.maxPool2d(q.get("x"), 2, 2, 0).square().sum();
            Function<Params, Tensor> poolBefore = q -> {
                int[] xs = q.get("x").shape();
                Tensor planes = ViewOps.reshape(q.get("x"), xs[0] * xs[1], 1, xs[2], xs[3]);
                Tensor cols = ConvOps.unfold(planes, 2, 2, 2, 0, Double.NEGATIVE_INFINITY);
                return ReduceOps.max(cols, false, 1).square().sum();
            };
            double[] t = new double[4];
            for (int rep = 0; rep < 12; rep++) {
                int k = 0;
                for (Function<Params, Tensor> f : java.util.List.of(before, now, poolBefore, pool)) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    Autodiff.grad(f).apply(p);
                    double ms = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    if (rep >= 4) {
                        t[k] += ms / 8;
                    }
                    k++;
                }
            }
            System.out.printf("N%d C%d %dx%d O%d: conv grad old %.1f ms new %.1f ms | maxpool grad old %.1f new %.1f (Ho %d)%n",
                    s[0], s[1], s[2], s[3], s[4], t[0], t[1], t[2], t[3], Im2col.outSize(s[2], 2, 2, 0));
        }
    }
}
