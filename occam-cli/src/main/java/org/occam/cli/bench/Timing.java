package org.occam.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median wall-clock time of a call: warm up, then sample until enough samples and time have
 * passed (the same rules as bench/torch_bench.py, so both sides are measured alike).
 */
public final class Timing {
    /** How long to measure. */
    public record Budget(int warmupCalls, double warmupSeconds, int minSamples, double minSeconds, double maxSeconds) {
        public static final Budget FULL = new Budget(3, 0.3, 15, 1.5, 5.0);
        public static final Budget QUICK = new Budget(1, 0.05, 5, 0.25, 1.2);
    }

    /** Median milliseconds per call and the number of timed calls. */
    public record Result(double medianMs, int reps) {
    }

    private Timing() {
    }

    public static Result median(Runnable call, Budget b) {
        long start = System.nanoTime();
        int warm = 0;
        while (warm < b.warmupCalls() || seconds(start) < b.warmupSeconds()) {
            call.run();
            warm++;
        }
        List<Double> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        while (true) {
            long s = System.nanoTime();
            call.run();
            samples.add((System.nanoTime() - s) / 1e6);
            double el = seconds(t0);
            if ((samples.size() >= b.minSamples() && el >= b.minSeconds()) || (el >= b.maxSeconds() && samples.size() >= 3)) {
                break;
            }
        }
        Collections.sort(samples);
        int n = samples.size();
        double med = n % 2 == 1 ? samples.get(n / 2) : (samples.get(n / 2 - 1) + samples.get(n / 2)) / 2;
        return new Result(med, n);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
