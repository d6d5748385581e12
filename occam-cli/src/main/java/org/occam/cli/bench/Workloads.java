package org.occam.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.InputJacobian;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Batches;
import org.occam.data.Dataset;
import org.occam.data.Order;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.Hessians;
import org.occam.measure.Spectrum;
import org.occam.nn.Losses;
import org.occam.nn.Model;
import org.occam.nn.Models;
import org.occam.optim.OptState;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.tensor.kernel.Gemm;
import org.occam.train.Objective;

/** The benchmark workloads, each measured at one (dtype, threads) setting. */
final class Workloads {
    static final int[] MLP = {784, 512, 512, 10};
    static final double LR = 0.01;
    static final double GNP_LAMBDA = 0.01;

    private Workloads() {
    }

    static Record gemm(DType dt, int threads, int m, int k, int n, Timing.Budget budget) {
        Rng rng = Rng.seed(0);
        Tensor a = rng.normal(dt, 0, 1, m, k);
        Tensor b = rng.normal(dt, 0, 1, k, n);
        Runnable call = dt == DType.FLOAT64
                ? () -> Gemm.dgemm(m, n, k, a.doubleData(), 0, k, 1, b.doubleData(), 0, n, 1, new double[m * n], 0, n, false)
                : () -> Gemm.sgemm(m, n, k, a.floatData(), 0, k, 1, b.floatData(), 0, n, 1, new float[m * n], 0, n, false);
        Timing.Result r = Timing.median(call, budget);
        double gflops = 2.0 * m * n * k / (r.medianMs() * 1e6);
        return Record.occam("gemm", dt.label(), threads, null, m, k, n, r, gflops, null, null, null);
    }

    /** Synthetic batch: x ~ N(0, 1) [B, 784], labels uniform in 0..9. */
    private record Synthetic(Tensor x, int[] y) {
        static Synthetic of(DType dt, int size) {
            Rng rng = Rng.seed(1);
            return new Synthetic(rng.normal(dt, 0, 1, size, MLP[0]), rng.ints(size, MLP[MLP.length - 1]));
        }
    }

    static Record mlp(String workload, DType dt, int threads, int batchSize, Timing.Budget budget) {
        Synthetic batch = Synthetic.of(dt, batchSize);
        Params[] params = {Mlp.init(Rng.seed(0), dt, MLP)};
        Function<Params, Tensor> loss = p -> Mlp.crossEntropy(Mlp.logits(p, batch.x()), batch.y());
        double[] value = new double[1];
        Runnable call = switch (workload) {
            case "mlp_sgd_step" -> () -> {
                Autodiff.ValueAndGrad vg = Autodiff.valueAndGrad(loss).apply(params[0]);
                params[0] = params[0].addScaled(vg.grad(), -LR);
            };
            case "mlp_hvp" -> {
                Params v = params[0].map(t -> Rng.seed(2).normal(dt, 0, 1, t.shapeRef()));
                yield () -> Autodiff.hvp(loss, params[0], v);
            }
            case "mlp_gnp_step" -> {
                Function<Params, Autodiff.ValueAndGrad> inner = Autodiff.valueAndGrad(loss);
                Function<Params, Tensor> penalized = p -> {
                    Autodiff.ValueAndGrad vg = inner.apply(p); // one forward pass for the loss and its gradient
                    return vg.value().add(vg.grad().normSquared().mul(GNP_LAMBDA));
                };
                yield () -> {
                    Autodiff.ValueAndGrad vg = Autodiff.valueAndGrad(penalized).apply(params[0]);
                    params[0] = params[0].addScaled(vg.grad(), -LR);
                };
            }
            case "mlp_jacobian_fro" -> () -> value[0] = InputJacobian.frobeniusSquaredAfterLinear(
                    params[0].get("0.weight"), params[0].get("0.bias"), h -> Mlp.logitsFrom(params[0], h, 1), batch.x(),
                    MLP[MLP.length - 1]).item();
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
        Timing.Result r = Timing.median(call, budget);
        Double v = workload.equals("mlp_jacobian_fro") ? value[0] : null;
        return Record.occam(workload, dt.label(), threads, batchSize, null, null, null, r, null, v, null, null);
    }

    /** Lanczos steps (= HVPs) of one hessian_lanczos call. */
    static final int LANCZOS_STEPS = 20;
    static final String MLP_SPEC = "mlp:784-512-512-10:tanh";

    /**
     * The {@code measure} workloads on the library's own model ({@code Models.parse(MLP_SPEC)},
     * init seed 0) and the synthetic pool: hessian_lanczos = top eigenvalue of the cross-entropy
     * Hessian by {@link Hessians#lanczos} (building the HVP operator, i.e. tracing the gradient
     * once, is part of every call); gc_exact = {@link GeometricComplexity#exact}. The record's value
     * is the top eigenvalue or GC, computed once before timing.
     */
    static Record measure(String workload, DType dt, int threads, int batchSize, Timing.Budget budget) {
        Synthetic batch = Synthetic.of(dt, batchSize);
        Model model = Models.parse(MLP_SPEC);
        Params p = model.init(Rng.seed(0), dt);
        Function<Params, Tensor> loss = q -> Losses.crossEntropy(model.apply(q, batch.x()), batch.y());
        double value;
        Long hvps = null;
        Runnable call;
        switch (workload) {
            case "hessian_lanczos" -> {
                Spectrum s = Hessians.lanczos(loss, p, 1, LANCZOS_STEPS, Rng.seed(5));
                value = s.eigenvalue(0);
                hvps = s.hvpCount();
                call = () -> Hessians.lanczos(loss, p, 1, LANCZOS_STEPS, Rng.seed(5));
            }
            case "gc_exact" -> {
                value = GeometricComplexity.exact(model, p, batch.x()).item();
                call = () -> GeometricComplexity.exact(model, p, batch.x()).item();
            }
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        }
        Timing.Result r = Timing.median(call, budget);
        return Record.occam(workload, dt.label(), threads, batchSize, null, null, null, r, null, value, hvps, null);
    }

    static final int MNIST_BATCH = 128;

    /**
     * One epoch of MNIST training (float32): MLP 784-512-512-10 tanh, cross-entropy, SGD lr 0.01,
     * batches of 128 reshuffled each epoch. Each epoch starts from a fresh init and is timed as a
     * whole, batch assembly included. Full: 1 warm-up epoch, median of 3; quick: 30 warm-up steps, 1.
     * The record's value is the mean training loss over the timed epochs (per example).
     */
    static Record mnistEpoch(Dataset train, int threads, boolean quick) {
        Model model = Models.parse("mlp:784-512-512-10:tanh");
        Batches schedule = new Batches(train, MNIST_BATCH, Order.RESHUFFLE, 0, false);
        trainEpoch(model, schedule, 0, quick ? 30 : Integer.MAX_VALUE);
        int reps = quick ? 1 : 3;
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        double loss = 0;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CpuLoad.Snapshot s0 = CpuLoad.snapshot();
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            loss += trainEpoch(model, schedule, r + 1, Integer.MAX_VALUE) / reps;
            cpu.add((mx.getCurrentThreadCpuTime() - c0) / 1e6);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Timing.Result t = new Timing.Result(Timing.median(ms), Timing.median(cpu), reps,
                CpuLoad.otherLoad(s0, CpuLoad.snapshot()));
        return Record.occam("mnist_epoch", DType.FLOAT32.label(), threads, MNIST_BATCH, null, null, null, t, null, loss,
                null, null);
    }

    /** Trains a fresh model on the first maxSteps batches of an epoch; returns the mean loss per example. */
    private static double trainEpoch(Model model, Batches schedule, int epoch, int maxSteps) {
        Objective objective = Objective.crossEntropy(model);
        Params params = model.init(Rng.seed(0), DType.FLOAT32);
        Sgd sgd = new Sgd();
        List<Batch> batches = schedule.epoch(epoch);
        double sum = 0;
        int seen = 0;
        for (int i = 0; i < Math.min(maxSteps, batches.size()); i++) {
            Batch b = batches.get(i);
            Autodiff.ValueAndGrad vg = Autodiff.valueAndGrad((Params p) -> objective.loss(p, b)).apply(params);
            params = sgd.update(params, vg.grad(), OptState.empty(), LR).params();
            sum += vg.value().item() * b.size();
            seen += b.size();
        }
        return sum / seen;
    }
}
