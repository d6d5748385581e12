package org.occam.lab.clr;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.ImageLayout;
import org.occam.data.Order;
import org.occam.lab.claim.Outcome;
import org.occam.lab.seeds.SeedRuns;
import org.occam.lab.seeds.Seeds;
import org.occam.lr.CorridorLearningRate;
import org.occam.nn.Activation;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.StopCondition;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;
import org.occam.lab.report.Rates;

/**
 * CLR-1 and COR-1 of METHODS §11 (corridors and the corridor learning rate, METHODS §5).
 *
 * <p>CLR-1: full-batch GD to a loss target (1e-3) on two interpolating problems, with CLR
 * h = E/(‖g‖² + δ) capped at h_max, CLR without a cap, and each constant h of a small grid:
 * over-parameterized least squares (n Gaussian samples, d &gt; n features, a linear model, mean
 * squared error), and a separable logistic problem (digits 0 vs 1, a tanh MLP with one output,
 * binary logistic loss). Expected: CLR is competitive with the best constant h without tuning,
 * and needs its cap when ‖g‖ → 0 with E &gt; 0 (logistic loss on separable data).
 *
 * <p>COR-1 (closed form): E(x, y) = x + ½y². From a point on the corridor y = 0, GD equals
 * gradient flow at t = nh for any h and the loss falls linearly, E_n = E_0 − nh; off the corridor
 * y contracts by (1 − h)^n; a CLR step from the corridor lands on E = 0.
 */
public final class ClrSweep {

    /**
     * The sweep's settings.
     *
     * @param samples      least-squares samples n
     * @param features     least-squares features d (&gt; n: over-parameterized)
     * @param lsRates      constant rates for least squares
     * @param logitModel   the MLP for digits 0 vs 1 (64 inputs, 1 output)
     * @param logitRates   constant rates for the logistic problem
     * @param target       the loss to reach
     * @param maxSteps     step limit per run
     * @param maxLr        CLR's cap h_max
     * @param longSteps    length of the CLR runs without a target (capped and uncapped), which show
     *                     how E/‖g‖² behaves as ‖g‖ → 0
     * @param seed         data and initialization seed
     */
    public record Settings(int samples, int features, double[] lsRates, String logitModel, double[] logitRates,
                           double target, int maxSteps, double maxLr, int longSteps, long seed) implements Serializable {
        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            if (samples < 1 || features < 1 || maxSteps < 1 || longSteps < 1 || !(target > 0) || !(maxLr > 0)
                    || lsRates.length == 0 || logitRates.length == 0) {
                throw new IllegalArgumentException("CLR-1 needs positive sizes, target, cap and step limit, and rates");
            }
        }

        /**
         * n = 100, d = 400 with h ∈ {0.01, 0.02, 0.05, 0.1, 0.2}; mlp:64-32-1:tanh with h ∈ {0.3, 1, 3,
         * 10}; target 1e-3; 5000 steps; cap 100; 400-step CLR runs without a target.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings(100, 400, new double[] {0.01, 0.02, 0.05, 0.1, 0.2}, "mlp:64-32-1:tanh",
                    new double[] {0.3, 1, 3, 10}, 1e-3, 5000, 100, 400, 0);
        }

        /**
         * {@code --quick}: 20 samples, 80 features, mlp:64-4-1:tanh, loss 1e-2 within 300 steps, long runs of 100.
         *
         * @return the settings
         */
        public static Settings quick() {
            return new Settings(20, 80, new double[] {0.01, 0.05}, "mlp:64-4-1:tanh", new double[] {1, 3}, 1e-2, 300, 100, 100,
                    0);
        }

        /**
         * The same settings with another seed (least-squares data, logistic initialization).
         *
         * @param s the seed
         * @return the settings
         */
        public Settings withSeed(long s) {
            return new Settings(samples, features, lsRates, logitModel, logitRates, target, maxSteps, maxLr, longSteps, s);
        }
    }

    /**
     * One run to the target.
     *
     * @param problem      "least squares" or "logistic"
     * @param rule         "CLR", "CLR (no cap)" or "h=..."; "..., N steps" for the runs without a target
     * @param reached      whether the loss reached the target (false for the runs without one)
     * @param steps        steps taken (to the target, or the limit or divergence)
     * @param diverged     whether the loss became non-finite or exceeded 1e6
     * @param finalLoss    the last loss
     * @param maxRate      the largest rate used
     * @param cappedSteps  steps at which CLR's cap was active
     * @param curve        rows (step, loss, lr)
     */
    public record Run(String problem, String rule, boolean reached, int steps, boolean diverged, double finalLoss,
                      double maxRate, int cappedSteps, List<Map<String, Object>> curve) implements Serializable {
        /**
         * Whether the rule is CLR (capped or not).
         *
         * @return whether it is CLR
         */
        public boolean isClr() {
            return rule.startsWith("CLR");
        }
    }

    /**
     * COR-1 at one h.
     *
     * @param h             the rate
     * @param maxGdGfError  max_n |θ_n − θ_GF(nh)| on the corridor
     * @param maxLossError  max_n |E_n − (E_0 − nh)| on the corridor
     * @param maxContraction max_n |y_n − (1 − h)^n y_0| off the corridor
     */
    public record Corridor(double h, double maxGdGfError, double maxLossError, double maxContraction) implements Serializable {
    }

    /**
     * One seed's runs, the COR-1 checks and the CLR one-step corridor check.
     *
     * @param settings the settings it ran with
     * @param runs its runs, in order
     * @param corridor the COR-1 checks, one per rate
     * @param clrCorridorLoss E after one CLR step from (3, 0), the one-step corridor check
     */
    public record Result(Settings settings, List<Run> runs, List<Corridor> corridor, double clrCorridorLoss) implements Serializable {
    }

    static final double DIVERGED = 1e6;

    private ClrSweep() {
    }

    /**
     * CLR-1 + COR-1 over seeds; the claims are judged over seeds and the report written into dir.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     */
    public static Outcome reproduce(Settings s, Seeds seeds, boolean quick, Path dir, Consumer<String> log) {
        return SeedRuns.reproduce("CLR-1", s, seeds, quick, (seed, out) -> run(s.withSeed(seed), out), ClrClaims::of,
                (runs, claims) -> ClrSweepReport.write(runs, claims, quick, dir), log);
    }

    /**
     * One seed: CLR, uncapped CLR and the constant rates on both problems, and the corridor checks.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Result run(Settings s, Consumer<String> log) {
        List<Run> runs = new ArrayList<>();
        Problem ls = leastSquares(s);
        Problem logit = logistic(s);
        for (Problem p : List.of(ls, logit)) {
            runs.add(descend(p, "CLR", clr(s.maxLr()), s.target(), s.maxSteps(), log));
            runs.add(descend(p, "CLR (no cap)", clr(Double.POSITIVE_INFINITY), s.target(), s.maxSteps(), log));
            for (double h : p.rates()) {
                runs.add(descend(p, Rates.h(h), LearningRateRule.of(Schedule.constant(h)),
                        s.target(), s.maxSteps(), log));
            }
            runs.add(descend(p, "CLR, " + s.longSteps() + " steps", clr(s.maxLr()), 0, s.longSteps(), log));
            runs.add(descend(p, "CLR (no cap), " + s.longSteps() + " steps", clr(Double.POSITIVE_INFINITY), 0,
                    s.longSteps(), log));
        }
        List<Corridor> corridor = new ArrayList<>();
        for (double h : new double[] {0.1, 0.5, 1, 2}) {
            corridor.add(corridor(h, 50));
        }
        double clrCorridor = clrOnCorridor();
        log.accept(String.format(Locale.ROOT, "COR-1: max |GD - GF| on the corridor %.1e, max |E_n - (E_0 - nh)| %.1e,"
                        + " max |y_n - (1-h)^n y_0| %.1e over h in {0.1, 0.5, 1, 2}; CLR step from the corridor lands at E = %.1e",
                corridor.stream().mapToDouble(Corridor::maxGdGfError).max().orElse(0),
                corridor.stream().mapToDouble(Corridor::maxLossError).max().orElse(0),
                corridor.stream().mapToDouble(Corridor::maxContraction).max().orElse(0), clrCorridor));
        return new Result(s, runs, corridor, clrCorridor);
    }

    private static CorridorLearningRate clr(double cap) {
        return CorridorLearningRate.corridorLearningRate(cap, CorridorLearningRate.DEFAULT_DELTA);
    }

    /** A full-batch problem: a model, its objective on the whole training set, initial parameters and the constant rates. */
    record Problem(String name, Sequential model, Objective objective, Dataset data, Params init, double[] rates) {
    }

    /** n Gaussian samples in d &gt; n dimensions, targets from a random linear teacher, a bias-free linear model. */
    static Problem leastSquares(Settings s) {
        Rng rng = Rng.seed(s.seed());
        int n = s.samples();
        int d = s.features();
        Tensor x = rng.normal(DType.FLOAT64, 0, 1, n, d);
        Tensor teacher = rng.normal(DType.FLOAT64, 0, 1 / Math.sqrt(d), d, 1);
        Tensor y = x.matmul(teacher);
        Sequential model = Models.mlp(Activation.TANH, false, d, 1);
        return new Problem("least squares", model, Objective.mse(model), Dataset.regression("least-squares", x, y),
                model.init(rng.split(1), DType.FLOAT64), s.lsRates());
    }

    /** Digits 0 vs 1 (training split), binary logistic loss of a tanh MLP with one output. */
    static Problem logistic(Settings s) {
        Dataset d = Datasets.digitsSplit(ImageLayout.FLAT, DType.FLOAT64).train().classSubset(true, 0, 1);
        Sequential model = Models.parse(s.logitModel());
        return new Problem("logistic", model, Objective.parse("logistic", model), d, model.init(Rng.seed(s.seed()), DType.FLOAT64),
                s.logitRates());
    }

    /**
     * Full-batch GD through the {@link Trainer} with a rule until the loss reaches the target (0:
     * none; checked before each update), diverges or the step limit; at the limit the loss of the
     * last iterate is checked against the same bounds (the trainer's final row has no full-batch loss).
     */
    static Run descend(Problem p, String name, LearningRateRule rule, double target, int maxSteps, Consumer<String> log) {
        DescentCurve curve = new DescentCurve(rule);
        Dataset data = p.data();
        TrainSpec spec = new TrainSpec(data.size(), maxSteps, Order.SEQUENTIAL, 0, 0, 0, DIVERGED, data.size());
        Trainer.Result result = Trainer.run(new Trainer.Setup(p.model(), p.init(), p.objective(), data, null, new Sgd(), rule,
                spec, List.of(), curve, null).withStop(StopCondition.atMost("loss", target)));
        RunStatus.State state = result.status().state();
        int step = (int) result.status().step();
        double loss = state == RunStatus.State.COMPLETED
                ? p.objective().valueAndGrad(result.params(), data.all()).value().item()
                : ((Number) result.lastMetrics().get("loss")).doubleValue();
        boolean diverged = state == RunStatus.State.DIVERGED || !Double.isFinite(loss) || loss > DIVERGED;
        boolean reached = !diverged && loss <= target;
        List<Map<String, Object>> rows = curve.rows();
        if (reached) {
            rows.add(DescentCurve.point(step, loss));
        }
        double maxRate = curve.maxRate();
        int capped = curve.capped();
        Run r = new Run(p.name(), name, reached, step, diverged, loss, maxRate, capped, rows);
        log.accept(String.format(Locale.ROOT, "%-14s %-26s %s after %5d steps, loss %.3e, max %s%s", p.name(), name,
                reached ? "reached target" : diverged ? "DIVERGED      " : target > 0 ? "step limit    " : "ran           ", step,
                loss, Rates.h(maxRate),
                r.isClr() && capped > 0 ? " (capped on " + capped + " steps)" : ""));
        return r;
    }

    /** E(x, y) = x + ½y² in float64. */
    static Tensor corridorLoss(Params p) {
        Tensor w = p.get("w");
        return w.slice(0, 0, 1).sum().add(w.slice(0, 1, 2).square().sum().mul(0.5));
    }

    /** COR-1 at rate h over n steps, from (1, 0) on the corridor and from (1, 1) off it. */
    static Corridor corridor(double h, int n) {
        Function<Params, Params> grad = Autodiff.grad(ClrSweep::corridorLoss);
        Params on = Params.of("w", Tensor.of(DType.FLOAT64, new double[] {1, 0}, 2));
        Params off = Params.of("w", Tensor.of(DType.FLOAT64, new double[] {1, 1}, 2));
        double e0 = corridorLoss(on).item();
        double gdGf = 0;
        double lossErr = 0;
        double contraction = 0;
        for (int k = 0; k <= n; k++) {
            double[] w = on.get("w").toDoubleArray();
            double t = k * h;
            gdGf = Math.max(gdGf, Math.hypot(w[0] - (1 - t), w[1]));
            lossErr = Math.max(lossErr, Math.abs(corridorLoss(on).item() - (e0 - t)));
            contraction = Math.max(contraction, Math.abs(off.get("w").toDoubleArray()[1] - Math.pow(1 - h, k)));
            on = on.addScaled(grad.apply(on), -h);
            off = off.addScaled(grad.apply(off), -h);
        }
        return new Corridor(h, gdGf, lossErr, contraction);
    }

    /** One CLR step from (3, 0) on the corridor of E = x + ½y²: the loss it lands on (0 in exact arithmetic). */
    static double clrOnCorridor() {
        Params p = Params.of("w", Tensor.of(DType.FLOAT64, new double[] {3, 0}, 2));
        Autodiff.ValueAndGrad v = Autodiff.valueAndGrad(ClrSweep::corridorLoss).apply(p);
        double h = CorridorLearningRate.corridorLearningRate(100, 0)
                .learningRate(new LearningRateRule.Context(0, p, v.grad(), v.value()));
        return corridorLoss(p.addScaled(v.grad(), -h)).item();
    }
}
