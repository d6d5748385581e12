package org.occam.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.measure.EighBackend;
import org.occam.measure.SymmetricEigen;
import org.occam.nn.Forward;
import org.occam.nn.Losses;
import org.occam.nn.Mode;
import org.occam.nn.Model;
import org.occam.nn.ModelState;
import org.occam.nn.Models;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Workloads on a model given by its spec string (the same spec on both sides: bench/torch_bench.py
 * has the twin table SPEC_CASES), and the dense symmetric eigensolver. BatchNorm modes, as in
 * torch_bench.py: a STEP runs in TRAIN mode (batch statistics; the running buffers it updates are
 * carried to the next step, as {@code model.train()} does), an HVP and an EVAL pass in EVAL mode
 * with the initial buffers (the mode Occam's measurements default to: a fixed function of the
 * parameters).
 */
final class SpecWorkloads {
    /** What to time on a spec's model: one SGD step, one HVP, or an evaluation pass over {@link #EVAL_IMAGES} images. */
    enum Kind { STEP, HVP, EVAL }

    /** A spec-driven workload: kind, model spec, batch size. */
    record SpecCase(Kind kind, String spec, int batch) {
    }

    /** Adding a model workload is one line here and one in torch_bench.py's SPEC_CASES. */
    static final Map<String, SpecCase> CASES = cases();
    static final int EVAL_IMAGES = 10_000;
    static final int[] EIGH_SIZES = {1000, 2000};

    private SpecWorkloads() {
    }

    private static Map<String, SpecCase> cases() {
        Map<String, SpecCase> m = new LinkedHashMap<>();
        m.put("cnn_step", new SpecCase(Kind.STEP, "cnn:1x28x28:16-32:10", 128));
        m.put("cnn_eval", new SpecCase(Kind.EVAL, "cnn:1x28x28:16-32:10", 500));
        m.put("resnet20_step", new SpecCase(Kind.STEP, "resnet20:3x32x32:10", 128));
        m.put("resnet18_step", new SpecCase(Kind.STEP, "resnet18:3x32x32:10", 128));
        m.put("resnet20_hvp", new SpecCase(Kind.HVP, "resnet20:3x32x32:10", 128));
        return m;
    }

    /** The C×H×W input shape in a spec (its part of the form 3x32x32). */
    static int[] inputShape(String spec) {
        for (String part : spec.split(":")) {
            if (part.matches("\\d+x\\d+x\\d+")) {
                String[] d = part.split("x");
                return new int[] {Integer.parseInt(d[0]), Integer.parseInt(d[1]), Integer.parseInt(d[2])};
            }
        }
        throw new IllegalArgumentException("bench: spec '" + spec + "' has no CxHxW input shape");
    }

    static Record run(String name, DType dt, int threads, Timing.Budget budget) {
        SpecCase c = CASES.get(name);
        Model model = Models.parse(c.spec());
        Params[] params = {model.init(Rng.seed(0), dt)};
        ModelState[] state = {model.initState(dt)};
        Model evalNet = model.bind(state[0], Mode.EVAL);
        int[] chw = inputShape(c.spec());
        int pool = c.kind() == Kind.EVAL ? EVAL_IMAGES : c.batch();
        Rng rng = Rng.seed(1);
        Tensor x = rng.normal(dt, 0, 1, pool, chw[0], chw[1], chw[2]);
        int classes = Recording.noGrad(() -> evalNet.apply(params[0], x.slice(0, 0, 1))).shapeRef()[1];
        int[] y = rng.ints(pool, classes);
        Function<Params, Tensor> loss = p -> Losses.crossEntropy(model.apply(p, x), y);
        Double value = null;
        Runnable call = switch (c.kind()) {
            case STEP -> () -> {
                Forward train = Forward.of(state[0], Mode.TRAIN, 0);
                Autodiff.ValueAndGrad vg = train.run(() -> Autodiff.valueAndGrad(loss).apply(params[0]));
                params[0] = params[0].addScaled(vg.grad(), -Workloads.LR);
                state[0] = train.state();
            };
            case HVP -> {
                Params v = params[0].map(t -> Rng.seed(2).normal(dt, 0, 1, t.shapeRef()));
                Function<Params, Tensor> evalLoss = p -> Losses.crossEntropy(evalNet.apply(p, x), y);
                yield () -> Autodiff.hvp(evalLoss, params[0], v);
            }
            case EVAL -> () -> accuracy(evalNet, params[0], x, y, c.batch());
        };
        if (c.kind() == Kind.STEP) {
            value = Forward.of(state[0], Mode.TRAIN, 0).run(() -> Recording.noGrad(() -> loss.apply(params[0]))).item();
        } else if (c.kind() == Kind.EVAL) {
            value = accuracy(evalNet, params[0], x, y, c.batch());
        }
        Timing.Result r = Timing.median(call, budget);
        return Record.occam(name, dt.label(), threads, c.batch(), null, null, null, r, null, value, null, c.spec());
    }

    /** Fraction of the pool whose largest logit is at its label, in batches. */
    static double accuracy(Model model, Params p, Tensor x, int[] y, int batch) {
        int n = x.shapeRef()[0];
        int correct = 0;
        for (int i = 0; i < n; i += batch) {
            int from = i;
            int end = Math.min(n, i + batch);
            double[] logits = Recording.noGrad(() -> model.apply(p, x.slice(0, from, end))).toDoubleArray();
            int classes = logits.length / (end - i);
            for (int r = 0; r < end - i; r++) {
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (logits[r * classes + k] > logits[r * classes + best]) {
                        best = k;
                    }
                }
                correct += best == y[i + r] ? 1 : 0;
            }
        }
        return (double) correct / n;
    }

    /** {@link SymmetricEigen#of} on a dense symmetric n×n float64 matrix; the record's spec names the solver. */
    static Record eigh(int n, int threads, Timing.Budget budget) {
        Rng rng = Rng.seed(6);
        double[] g = rng.normal(DType.FLOAT64, 0, 1, n, n).toDoubleArray();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.5 * (g[i * n + j] + g[j * n + i]);
            }
        }
        Timing.Result r = Timing.median(() -> SymmetricEigen.of(a), budget);
        return Record.occam("eigh", DType.FLOAT64.label(), threads, null, n, n, n, r, null, null, null,
                EighBackend.auto().describe());
    }
}
