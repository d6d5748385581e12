package org.occam.measure;

import java.util.Arrays;
import java.util.Locale;
import org.occam.autodiff.Params;
import org.occam.nn.Activation;
import org.occam.nn.Losses;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Timings of the two headline measurements on an MLP 784-512-512-10 (tanh), float32, 1024
 * synthetic examples: the top Hessian eigenvalue of the mean cross-entropy by 20 Lanczos steps
 * (20 HVPs, including the one-off trace of the gradient), and exact GC on the logits over the
 * 1024 examples (one batched backward pass with 10 stacked cotangents). Prints the median of
 * {@code runs} timed repetitions after one warm-up, in milliseconds.
 *
 * <p>Usage: {@code MeasureBench [runs]} (default 5).
 */
public final class MeasureBench {
    private MeasureBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        DType f32 = DType.FLOAT32;
        Rng rng = Rng.seed(2024);
        Sequential model = Models.mlp(Activation.TANH, 784, 512, 512, 10);
        Params p = model.init(rng, f32);
        Tensor x = rng.normal(f32, 0, 1, 1024, 784);
        int[] y = rng.ints(1024, 10);

        double[] lanczos = new double[runs];
        double lambda = 0;
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            Spectrum s = Hessians.lanczos(q -> Losses.crossEntropy(model.apply(q, x), y), p, 1, 20, Rng.seed(r + 10));
            long t1 = System.nanoTime();
            lambda = s.eigenvalue(0);
            if (r >= 0) {
                lanczos[r] = (t1 - t0) / 1e6;
            }
        }
        double[] gc = new double[runs];
        double gcValue = 0;
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            gcValue = GeometricComplexity.exact(model, p, x).item();
            long t1 = System.nanoTime();
            if (r >= 0) {
                gc[r] = (t1 - t0) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "measure.lanczos_top_eig  mlp 784-512-512-10 tanh f32 n=1024 steps=20: %.1f ms (median of %d; λ_max=%.5g; %d params)%n",
                median(lanczos), runs, lambda, p.numel());
        System.out.printf(Locale.ROOT, "measure.gc_exact         mlp 784-512-512-10 tanh f32 n=1024:          %.1f ms (median of %d; GC=%.5g)%n",
                median(gc), runs, gcValue);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
