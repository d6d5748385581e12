package org.occam.tensor.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Throughput of {@link Gemm} (not a test). Shapes are written M×K×N: C[M×N] = A[M×K]·B[K×N], all
 * row-major and contiguous. Prints the median GFLOP/s (2·M·N·K flops per call) of 15 timed
 * repetitions after a warm-up, for fp32 and fp64 at 1 and 2 threads, and the best repetition (a
 * better estimate when other processes share the CPU).
 *
 * <p>Run after {@code mvn -pl occam-core test-compile}:
 * {@code java --add-modules jdk.incubator.vector -cp occam-core/target/classes:occam-core/target/test-classes
 * org.occam.tensor.kernel.GemmBenchMain [f32|f64|all] [threads...]}
 */
public final class GemmBenchMain {

    private static final int[][] SHAPES = {
        {64, 64, 64}, {128, 128, 128}, {256, 256, 256}, {512, 512, 512}, {1024, 1024, 1024}, {512, 784, 256},
    };

    private static final double[] NONE = {Double.NaN, Double.NaN};

    private GemmBenchMain() {
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        int[] threads = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        System.out.printf("species: %s%n", jdk.incubator.vector.FloatVector.SPECIES_PREFERRED);
        System.out.printf("%-16s %8s %18s %18s%n", "M×K×N", "threads", "fp32 median/best", "fp64 median/best");
        int saved = Parallel.threads();
        try {
            for (int[] s : SHAPES) {
                for (int t : threads) {
                    Parallel.setThreads(t);
                    double[] f = which.equals("f64") ? NONE : benchFloat(s[0], s[1], s[2]);
                    double[] d = which.equals("f32") ? NONE : benchDouble(s[0], s[1], s[2]);
                    System.out.printf("%-16s %8d %10.1f /%6.1f %10.1f /%6.1f%n",
                            s[0] + "×" + s[1] + "×" + s[2], t, f[0], f[1], d[0], d[1]);
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
    }

    private static double[] benchFloat(int m, int k, int n) {
        Random r = new Random(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextFloat() - 0.5f;
        }
        return measure(m, n, k, () -> Gemm.sgemm(m, n, k, a, 0, k, 1, b, 0, n, 1, c, 0, n, false));
    }

    private static double[] benchDouble(int m, int k, int n) {
        Random r = new Random(1);
        double[] a = new double[m * k];
        double[] b = new double[k * n];
        double[] c = new double[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble() - 0.5;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextDouble() - 0.5;
        }
        return measure(m, n, k, () -> Gemm.dgemm(m, n, k, a, 0, k, 1, b, 0, n, 1, c, 0, n, false));
    }

    /**
     * {median, best} GFLOP/s over timed batches of calls, each batch about 20 ms, after ~1 s of
     * warm-up.
     */
    private static double[] measure(int m, int n, int k, Runnable call) {
        double flops = 2.0 * m * n * k;
        long t0 = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - t0 < 1_000_000_000L || calls < 3) {
            call.run();
            calls++;
        }
        double perCall = (System.nanoTime() - t0) / (double) calls;
        int batch = (int) Math.max(1, 20e6 / perCall);
        List<Double> rates = new ArrayList<>();
        for (int rep = 0; rep < 15; rep++) {
            long s = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                call.run();
            }
            rates.add(flops * batch / (System.nanoTime() - s));
        }
        rates.sort(null);
        return new double[] {rates.get(rates.size() / 2), rates.get(rates.size() - 1)};
    }
}
