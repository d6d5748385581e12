package org.occam.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.measure.SymmetricEigen;
import org.occam.nn.Activation;
import org.occam.nn.Losses;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The cost of one principal-flow evaluation θ̇(θ) (what every integrator stage needs), float64,
 * mean cross-entropy of a tanh MLP on synthetic data:
 * <ul>
 *   <li>dense PF ({@link PrincipalFlow#realPart}) on MLP 20-64-10 (1,994 parameters, 256 examples):
 *       m HVPs for the dense Hessian, then the m × m symmetric eigensolve;</li>
 *   <li>top-20 PF ({@link TopKPrincipalFlow}, 40 Lanczos steps) on MLP 784-128-10 (101,770
 *       parameters, 256 examples): one gradient and 41 HVPs.</li>
 * </ul>
 * Prints the median of {@code runs} timings after one warm-up, with the HVP counts. An RK4 step
 * costs four evaluations, an accepted Dormand–Prince step six.
 *
 * <p>Usage: {@code PrincipalFlowBench [runs]} (default 3).
 */
public final class PrincipalFlowBench {
    private PrincipalFlowBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        DType f64 = DType.FLOAT64;
        System.out.printf(Locale.ROOT, "threads: %d available processors%n", Runtime.getRuntime().availableProcessors());

        Rng rng = Rng.seed(7);
        Sequential small = Models.mlp(Activation.TANH, 20, 64, 10);
        Params p = small.init(rng, f64);
        Tensor x = rng.normal(f64, 0, 1, 256, 20);
        int[] y = rng.ints(256, 10);
        Function<Params, Tensor> loss = q -> Losses.crossEntropy(small.apply(q, x), y);
        int m = p.numel();
        double[] hess = new double[runs];
        double[] eig = new double[runs];
        double[] total = new double[runs];
        double lambda = 0;
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            Tensor h = Autodiff.hessian(loss, p);
            long t1 = System.nanoTime();
            double[] flat = h.toDoubleArray();
            double[][] a = new double[m][];
            for (int i = 0; i < m; i++) {
                a[i] = Arrays.copyOfRange(flat, i * m, (i + 1) * m);
            }
            long t2 = System.nanoTime();
            SymmetricEigen e = SymmetricEigen.of(a);
            long t3 = System.nanoTime();
            lambda = e.values()[0];
            Params v = PrincipalFlow.realPart(loss, 1.0).apply(p);
            long t4 = System.nanoTime();
            if (v.numel() != m) {
                throw new IllegalStateException();
            }
            if (r >= 0) {
                hess[r] = (t1 - t0) / 1e9;
                eig[r] = (t3 - t2) / 1e9;
                total[r] = (t4 - t3) / 1e9;
            }
        }
        System.out.printf(Locale.ROOT, "flow.pf_dense  mlp 20-64-10 tanh f64 n=256, %d params: one PF evaluation %.2f s "
                + "(dense Hessian %.2f s, eigensolve %.2f s; median of %d), %d HVPs; λ_max = %.4g%n",
                m, median(total), median(hess), median(eig), runs, m, lambda);

        Sequential big = Models.mlp(Activation.TANH, 784, 128, 10);
        Params pb = big.init(Rng.seed(8), f64);
        Tensor xb = Rng.seed(9).normal(f64, 0, 1, 256, 784);
        int[] yb = Rng.seed(10).ints(256, 10);
        Function<Params, Tensor> lossB = q -> Losses.crossEntropy(big.apply(q, xb), yb);
        double[] topT = new double[runs];
        long hvps = 0;
        for (int r = -1; r < runs; r++) {
            TopKPrincipalFlow top = new TopKPrincipalFlow(lossB, 1.0, 20, 40, 11);
            long t0 = System.nanoTime();
            top.apply(pb);
            long t1 = System.nanoTime();
            hvps = top.hvpCount();
            if (r >= 0) {
                topT[r] = (t1 - t0) / 1e9;
            }
        }
        System.out.printf(Locale.ROOT, "flow.pf_top20  mlp 784-128-10 tanh f64 n=256, %d params: one PF evaluation %.2f s "
                + "(median of %d), %d HVPs + 1 gradient%n", pb.numel(), median(topT), runs, hvps);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
