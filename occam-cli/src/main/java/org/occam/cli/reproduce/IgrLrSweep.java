package org.occam.cli.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Datasets;
import org.occam.data.TrainTest;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.GradientStats;
import org.occam.measure.Hessians;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.regularize.ExplicitGradientRegularization;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Evaluation;
import org.occam.train.Objective;

/**
 * IGR-2 and GC-2 of METHODS §11 on the embedded digits: full-batch gradient descent on an MLP at
 * several learning rates, each run stopped at the same training-loss target, plus explicit
 * gradient regularization (EGR) at the smallest rate with μ = (h_big − h_small)/4 (METHODS §1.1).
 * Tracks R_IG = ‖g‖²/m along the path, and at the end λ_max (Lanczos), GC on the training set and
 * test accuracy; the trends are reported as rank correlations next to the papers' claims.
 */
public final class IgrLrSweep {

    /** The sweep's settings. */
    public record Settings(String model, double[] lrs, double lossTarget, int maxSteps, int recordEvery, long seed) {
        public static Settings defaults() {
            return new Settings("mlp:64-512-10:relu", new double[] {0.1, 0.3, 0.5, 0.8, 1.0}, 0.05, 3000, 10, 0);
        }
    }

    /** One run: its label, rate, EGR coefficient, and what was measured. */
    public record Run(String label, double lr, double mu, long steps, boolean reachedTarget, boolean diverged,
                      double trainLoss, double testAccuracy, double rIg, double sharpness, double gc,
                      List<Map<String, Object>> curve) {
    }

    /** All runs and the observed trends. */
    public record Result(Settings settings, List<Run> runs, List<Trend> trends, double egrGapRecovered) {
    }

    /** A training loss above this (ten times the chance level of 10 classes) counts as diverged. */
    static final double DIVERGED_LOSS = 10 * Math.log(10);

    private IgrLrSweep() {
    }

    public static Result run(Settings s, Consumer<String> log) {
        TrainTest data = Datasets.digitsSplit();
        Sequential model = Models.parse(s.model());
        Objective ce = Objective.crossEntropy(model);
        Batch train = data.train().all();
        List<Run> runs = new ArrayList<>();
        for (double h : s.lrs()) {
            runs.add(train(model, ce, data, train, s, h, 0, log));
        }
        double hSmall = s.lrs()[0];
        double hBig = s.lrs()[s.lrs().length - 1];
        double mu = ExplicitGradientRegularization.matchingCoefficient(hBig, hSmall);
        Run egr = train(model, ce, data, train, s, hSmall, mu, log);
        List<Run> all = new ArrayList<>(runs);
        all.add(egr);
        List<Run> plain = runs.stream().filter(r -> !r.diverged()).toList();
        double[] h = plain.stream().mapToDouble(Run::lr).toArray();
        List<Trend> trends = new ArrayList<>();
        if (plain.size() >= 2) {
            trends.add(new Trend("h", "R_IG", Trend.spearman(h, col(plain, Run::rIg)), -1, "falls as h grows (IGR-2)"));
            trends.add(new Trend("h", "sharpness", Trend.spearman(h, col(plain, Run::sharpness)), -1,
                    "falls as h grows: flatter minima (IGR-2)"));
            trends.add(new Trend("h", "test accuracy", Trend.spearman(h, col(plain, Run::testAccuracy)), 1,
                    "rises as h grows (IGR-2)"));
            trends.add(new Trend("h", "GC", Trend.spearman(h, col(plain, Run::gc)), -1, "falls as h grows (GC-2)"));
            trends.add(new Trend("GC", "test accuracy", Trend.spearman(col(plain, Run::gc), col(plain, Run::testAccuracy)),
                    -1, "lower GC goes with higher test accuracy (GC-2)"));
        }
        Run small = runs.get(0);
        Run big = runs.stream().filter(r -> r.lr() == hBig && !r.diverged()).findFirst().orElse(small);
        double gap = big.testAccuracy() - small.testAccuracy();
        double recovered = gap == 0 ? Double.NaN : (egr.testAccuracy() - small.testAccuracy()) / gap;
        return new Result(s, all, trends, recovered);
    }

    private static double[] col(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return runs.stream().mapToDouble(f).toArray();
    }

    private static Run train(Sequential model, Objective ce, TrainTest data, Batch train, Settings s, double h, double mu,
                             Consumer<String> log) {
        String label = mu == 0 ? String.format(java.util.Locale.ROOT, "GD h=%g", h)
                : String.format(java.util.Locale.ROOT, "GD h=%g + EGR mu=%.4g", h, mu);
        Objective objective = mu == 0 ? ce : ExplicitGradientRegularization.exact(ce, mu);
        Function<Params, Tensor> loss = p -> ce.loss(p, train);
        Params p = model.init(Rng.seed(s.seed()), DType.FLOAT32);
        List<Map<String, Object>> curve = new ArrayList<>();
        long step = 0;
        double value = Double.NaN;
        boolean reached = false;
        boolean diverged = false;
        for (; step <= s.maxSteps(); step++) {
            Autodiff.ValueAndGrad vg = objective.valueAndGrad(p, train);
            Params g = mu == 0 ? vg.grad() : Autodiff.grad(loss).apply(p);
            value = mu == 0 ? vg.value().item() : loss.apply(p).item();
            if (!Double.isFinite(value) || value > DIVERGED_LOSS) {
                diverged = true;
                break;
            }
            if (step % s.recordEvery() == 0 || value <= s.lossTarget()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", step);
                row.put("loss", value);
                row.put("r_ig", g.normSquared().item() / p.numel());
                curve.add(row);
            }
            if (value <= s.lossTarget()) {
                reached = true;
                break;
            }
            if (step == s.maxSteps()) {
                break;
            }
            p = p.addScaled(vg.grad(), -h);
        }
        double rIg = diverged ? Double.NaN : GradientStats.implicitGradientRegularizer(loss, p);
        double sharp = diverged ? Double.NaN : Hessians.lanczos(loss, p, 1, 20, Rng.seed(1)).eigenvalues()[0];
        double gc = diverged ? Double.NaN : GeometricComplexity.exact(model, p, train.x()).item();
        double acc = diverged ? Double.NaN : Evaluation.evaluate(model, ce, p, data.test(), 2048).accuracy();
        Run r = new Run(label, h, mu, step, reached, diverged, value, acc, rIg, sharp, gc, curve);
        log.accept(String.format(java.util.Locale.ROOT,
                "%-26s steps=%5d loss=%.4f %s test_acc=%.4f R_IG=%.3e sharpness=%.3f GC=%.2f", label, step, value,
                diverged ? "DIVERGED" : reached ? "(target)" : "(max steps)", acc, rIg, sharp, gc));
        return r;
    }
}
