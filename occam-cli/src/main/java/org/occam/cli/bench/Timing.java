package org.occam.cli.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median wall-clock and main-thread CPU time of a call: warm up until the calls have used a budget
 * of CPU time and the JIT has gone quiet (no compilation during the last {@value #QUIET_CALLS}
 * calls: under load, C2 compiles late and recompiles after deoptimizations, and timing a method
 * still running its C1 version, where the Vector API is not intrinsified, measures 5-10x too slow), then
 * sample until enough samples and time have passed (the rules of bench/torch_bench.py, so both
 * sides are measured alike), recording the CPU load of other processes meanwhile.
 */
public final class Timing {
    /** How long to warm up (calls, and CPU seconds of the calls) and to measure. */
    public record Budget(int warmupCalls, double warmupCpuSeconds, double warmupMaxSeconds, int minSamples,
                         double minSeconds, double maxSeconds) {
        public static final Budget FULL = new Budget(3, 2.0, 60, 15, 1.5, 5.0);
        public static final Budget QUICK = new Budget(1, 0.2, 10, 5, 0.25, 1.2);
    }

    /** Median wall and main-thread CPU milliseconds per call, the number of timed calls, and other processes' load. */
    public record Result(double medianMs, double cpuMs, int reps, Double otherLoad) {
    }

    /** Consecutive calls without JIT compilation that end the warm-up. */
    static final int QUIET_CALLS = 3;

    private Timing() {
    }

    public static Result median(Runnable call, Budget b) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long cpu0 = mx.getCurrentThreadCpuTime();
        int warm = 0;
        int quiet = 0;
        while (warm < b.warmupCalls() || ((mx.getCurrentThreadCpuTime() - cpu0) / 1e9 < b.warmupCpuSeconds()
                || quiet < QUIET_CALLS) && seconds(start) < b.warmupMaxSeconds()) {
            long jit0 = jit.getTotalCompilationTime();
            call.run();
            quiet = jit.getTotalCompilationTime() == jit0 ? quiet + 1 : 0;
            warm++;
        }
        List<Double> samples = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        CpuLoad.Snapshot s0 = CpuLoad.snapshot();
        long t0 = System.nanoTime();
        while (true) {
            long s = System.nanoTime();
            long c = mx.getCurrentThreadCpuTime();
            call.run();
            cpu.add((mx.getCurrentThreadCpuTime() - c) / 1e6);
            samples.add((System.nanoTime() - s) / 1e6);
            double el = seconds(t0);
            if ((samples.size() >= b.minSamples() && el >= b.minSeconds()) || (el >= b.maxSeconds() && samples.size() >= 3)) {
                break;
            }
        }
        return new Result(median(samples), median(cpu), samples.size(), CpuLoad.otherLoad(s0, CpuLoad.snapshot()));
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
