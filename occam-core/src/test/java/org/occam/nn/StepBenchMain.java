package org.occam.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.tensor.kernel.Parallel;

/**
 * Not a test: times one SGD step (float32, train-mode BatchNorm) of a model spec as the bench's
 * {@code *_step} workloads do, printing per-step median wall time, main-thread CPU time and the
 * CPU time of all threads of the process (kernel workers, GC, JIT included) with the load average.
 * Usage: {@code StepBenchMain spec batch steps [threads]}.
 */
public final class StepBenchMain {
    private StepBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String spec = args[0];
        int batch = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        if (args.length > 3) {
            Parallel.setThreads(Integer.parseInt(args[3]));
        }
        Model model = Models.parse(spec);
        DType dt = DType.FLOAT32;
        Params[] params = {model.init(Rng.seed(0), dt)};
        ModelState[] state = {model.initState(dt)};
        String[] chw = spec.split(":")[1].split("x");
        Rng rng = Rng.seed(1);
        Tensor x = rng.normal(dt, 0, 1, batch, Integer.parseInt(chw[0]), Integer.parseInt(chw[1]),
                Integer.parseInt(chw[2]));
        int[] y = rng.ints(batch, 10);
        Function<Params, Tensor> loss = p -> Losses.crossEntropy(model.apply(p, x), y);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int warm = Math.max(3, steps / 3);
        double[] wall = new double[steps];
        double[] main = new double[steps];
        double[] all = new double[steps];
        for (int s = -warm; s < steps; s++) {
            long w0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            long p0 = os.getProcessCpuTime();
            Forward train = Forward.of(state[0], Mode.TRAIN, 0);
            Autodiff.ValueAndGrad vg = train.run(() -> Autodiff.valueAndGrad(loss).apply(params[0]));
            params[0] = params[0].addScaled(vg.grad(), -0.01);
            state[0] = train.state();
            if (s >= 0) {
                wall[s] = (System.nanoTime() - w0) / 1e6;
                main[s] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                all[s] = (os.getProcessCpuTime() - p0) / 1e6;
            }
        }
        String load = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
        System.out.printf("%s b%d threads %d: wall %.1f ms  main-cpu %.1f ms  process-cpu %.1f ms  (median of %d; min wall %.1f) load %s%n",
                spec, batch, Parallel.threads(), median(wall), median(main), median(all), steps,
                Arrays.stream(wall).min().orElse(0), load);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
