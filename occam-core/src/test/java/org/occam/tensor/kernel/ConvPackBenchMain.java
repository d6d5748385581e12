package org.occam.tensor.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * Not a test: the conv forward and weight gradient unfolding into the packed GEMM panels (now)
 * against unfold-into-a-column-buffer then GEMM (before), float32, one thread, main-thread CPU
 * time, A and B alternating in one process. Shapes of ResNet-20/18 and the CNN at batch 128.
 */
public final class ConvPackBenchMain {
    private ConvPackBenchMain() {
    }

    public static void main(String[] args) {
        Parallel.setThreads(1);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Random r = new Random(1);
        // {n, c, h, w, o, k, stride, pad}
        int[][] shapes = {{128, 16, 32, 32, 16, 3, 1, 1}, {128, 32, 16, 16, 32, 3, 1, 1}, {128, 64, 8, 8, 64, 3, 1, 1},
            {128, 16, 32, 32, 32, 3, 2, 1}, {128, 128, 16, 16, 256, 1, 2, 0}, {128, 1, 28, 28, 16, 5, 1, 2},
            {128, 16, 14, 14, 32, 5, 1, 2}, {128, 256, 8, 8, 256, 3, 1, 1}};
        for (int[] s : shapes) {
            int n = s[0], c = s[1], h = s[2], w = s[3], o = s[4], k = s[5], st = s[6], pad = s[7];
            int ho = Im2col.outSize(h, k, st, pad);
            int wo = Im2col.outSize(w, k, st, pad);
            Buffer x = Buffer.wrap(rand(r, n * c * h * w), n, c, h, w);
            Buffer wt = Buffer.wrap(rand(r, o * c * k * k), o, c, k, k);
            Buffer dy = Buffer.wrap(rand(r, n * o * ho * wo), n, o, ho, wo);
            int rows = c * k * k;
            int l = ho * wo;
            float[] cols = new float[rows * l];
            float[] y = new float[n * o * l];
            float[] dw = new float[o * rows];
            Runnable oldF = () -> {
                for (int i = 0; i < n; i++) {
                    Im2col.unfoldImage(x.floatData(), i * c * h * w, c, h, w, k, k, st, pad, 0, cols, 0);
                    Gemm.sgemm(o, l, rows, wt.floatData(), 0, rows, 1, cols, 0, l, 1, y, i * o * l, l, false);
                }
            };
            Runnable oldW = () -> {
                for (int i = 0; i < n; i++) {
                    Im2col.unfoldImage(x.floatData(), i * c * h * w, c, h, w, k, k, st, pad, 0, cols, 0);
                    Gemm.sgemm(o, rows, l, dy.floatData(), i * o * l, l, 1, cols, 0, 1, l, dw, 0, rows, i > 0);
                }
            };
            Runnable newF = () -> Conv.forward(x, wt, st, pad);
            Runnable newW = () -> Conv.weightGrad(x, dy, k, k, st, pad);
            Runnable[] runs = {oldF, newF, oldW, newW};
            double[][] t = new double[4][15];
            for (int rep = -10; rep < 15; rep++) {
                for (int q = 0; q < 4; q++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    runs[q].run();
                    if (rep >= 0) {
                        t[q][rep] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    }
                }
            }
            System.out.printf("N%d C%d %dx%d O%d k%d s%d: forward before %.2f now %.2f ms | weight grad before %.2f now %.2f ms%n",
                    n, c, h, w, o, k, st, med(t[0]), med(t[1]), med(t[2]), med(t[3]));
        }
    }

    private static double med(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    private static float[] rand(Random r, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
