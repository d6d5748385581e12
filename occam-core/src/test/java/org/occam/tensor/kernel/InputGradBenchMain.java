package org.occam.tensor.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

/**
 * Not a test: the conv input gradient as a forward convolution with the flipped kernel (now)
 * against Wᵀ · dy into a column buffer then col2im (before), float32, one thread, main-thread CPU
 * time, A and B alternating in one process. The stride-1 shapes of ResNet-20/18 and the CNN at batch 128.
 */
public final class InputGradBenchMain {
    private InputGradBenchMain() {
    }

    public static void main(String[] args) {
        Parallel.setThreads(args.length > 0 ? Integer.parseInt(args[0]) : 1);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Random r = new Random(1);
        // {n, c, h, w, o, k, pad}
        int[][] shapes = {{128, 16, 32, 32, 16, 3, 1}, {128, 32, 16, 16, 32, 3, 1}, {128, 64, 8, 8, 64, 3, 1},
            {128, 16, 14, 14, 32, 5, 2}, {128, 256, 8, 8, 256, 3, 1}};
        for (int[] s : shapes) {
            int n = s[0], c = s[1], h = s[2], w = s[3], o = s[4], k = s[5], pad = s[6];
            int ho = Im2col.outSize(h, k, 1, pad);
            int wo = Im2col.outSize(w, k, 1, pad);
            Buffer wt = Buffer.wrap(rand(r, o * c * k * k), o, c, k, k);
            Buffer dy = Buffer.wrap(rand(r, n * o * ho * wo), n, o, ho, wo);
            Runnable before = () -> Conv.inputGradByFold(dy, wt, h, w, 1, pad);
            Runnable now = () -> Conv.inputGrad(dy, wt, h, w, 1, pad);
            Runnable[] runs = {before, now};
            double[][] t = new double[2][11];
            for (int rep = -6; rep < 11; rep++) {
                for (int q = 0; q < 2; q++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    runs[q].run();
                    if (rep >= 0) {
                        t[q][rep] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    }
                }
            }
            System.out.printf("N%d C%d %dx%d O%d k%d p%d: input grad by fold %.2f, transposed %.2f ms (main-thread CPU)%n",
                    n, c, h, w, o, k, pad, med(t[0]), med(t[1]));
        }
    }

    private static double med(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
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
