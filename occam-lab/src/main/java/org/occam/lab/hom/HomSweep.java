package org.occam.lab.hom;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.Order;
import org.occam.data.Synthetic;
import org.occam.lab.claim.Outcome;
import org.occam.lab.seeds.SeedRuns;
import org.occam.lab.seeds.Seeds;
import org.occam.measure.margin.Homogeneity;
import org.occam.measure.margin.MarginLoss;
import org.occam.measure.margin.MarginMonitors;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;
import org.occam.lab.report.Rates;

/**
 * HOM-1 of METHODS §11 (Lyu and Li; Ji and Telgarsky; METHODS §9): full-batch GD in float64
 * with the logistic loss on a bias-free ReLU network, on separable data (2-D linearly separable
 * points, or the digits 0 and 1), long after the data are fitted. The margins monitor gives the
 * smoothed margin γ̃ (loss summed over the examples, computed in log space), the normalised
 * margin γ̄ and ‖θ‖; the direction monitor gives cos(θ_t, θ_{2t}) and cos(θ, −∇L) at steps
 * every·2^k. {@link HomTrends} turns the curves into the checks of the claims.
 */
public final class HomSweep {

    /**
     * The run's settings.
     *
     * @param data           separable (2-D linearly separable points) or digits01 (digits 0 vs 1)
     * @param model          a bias-free ReLU MLP spec with one output
     * @param samples        training points
     * @param dataMargin     separable: the gap each point keeps from the separating line
     * @param lr             the GD step size h on the mean logistic loss
     * @param steps          GD steps
     * @param marginEvery    measure the margins every this many steps
     * @param directionEvery the direction monitor's base period: it measures at every·2^k
     * @param seed           data and initialization seed
     */
    public record Settings(String data, String model, int samples, double dataMargin, double lr, long steps,
                           int marginEvery, int directionEvery, long seed) implements Serializable {
        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            if (!data.equals("separable") && !data.equals("digits01")) {
                throw new IllegalArgumentException("HOM-1 data must be separable or digits01, got '" + data + "'");
            }
            if (samples < 2 || steps < 2 || marginEvery < 1 || directionEvery < 1 || !(lr > 0) || !(dataMargin >= 0)) {
                throw new IllegalArgumentException("HOM-1 needs samples >= 2, steps >= 2, periods >= 1, lr > 0 and a"
                        + " data margin >= 0");
            }
        }

        /**
         * The default model of a data set: mlp:2-32-1 or mlp:64-32-1, bias-free ReLU.
         *
         * @param data the data set
         * @return the model spec
         */
        public static String defaultModel(String data) {
            return data.equals("digits01") ? "mlp:64-32-1:relu:nobias" : "mlp:2-32-1:relu:nobias";
        }

        /**
         * 100 separable 2-D points (gap 0.1), mlp:2-32-1:relu:nobias, h = 1, 2^17 GD steps, margins every 32 steps.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings("separable", defaultModel("separable"), 100, 0.1, 1.0, 131072, 32, 8, 0);
        }

        /**
         * {@code --quick}: 20 separable points, mlp:2-8-1:relu:nobias, 512 steps, margins every 8 steps.
         *
         * @return the settings
         */
        public static Settings quick() {
            return new Settings("separable", "mlp:2-8-1:relu:nobias", 20, 0.1, 1.0, 512, 8, 4, 0);
        }

        /**
         * The same settings with another data and initialization seed.
         *
         * @param s the seed
         * @return the settings
         */
        public Settings withSeed(long s) {
            return new Settings(data, model, samples, dataMargin, lr, steps, marginEvery, directionEvery, s);
        }
    }

    /**
     * The run.
     *
     * @param degree  the homogeneity degree L of the model
     * @param status  how the run ended
     * @param margins the margins rows (every marginEvery steps and the final row)
     * @param dirs    the direction rows (steps every·2^k)
     * @param seconds wall time
     */
    public record Run(int degree, RunStatus status, List<Map<String, Object>> margins, List<Map<String, Object>> dirs,
                      double seconds) implements Serializable {
    }

    /**
     * One seed's run and its observed trends.
     *
     * @param settings the settings it ran with
     * @param run the run's rows
     * @param trends the observables of the run
     */
    public record Result(Settings settings, Run run, HomTrends trends) implements Serializable {
    }

    private HomSweep() {
    }

    /**
     * HOM-1 over seeds (data and initialization); the claims are judged over seeds and the report written into dir.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     */
    public static Outcome reproduce(Settings s, Seeds seeds, boolean quick, Path dir, Consumer<String> log) {
        return SeedRuns.reproduce("HOM-1", s, seeds, quick, (seed, out) -> run(s.withSeed(seed), out), HomClaims::of,
                (runs, claims) -> HomSweepReport.write(runs, claims, quick, dir), log);
    }

    /**
     * One seed: trains once, logging one summary line.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Result run(Settings s, Consumer<String> log) {
        Dataset train = data(s);
        Sequential model = Models.parse(s.model());
        int degree = Homogeneity.degree(model);
        long t0 = System.nanoTime();
        List<Map<String, Object>> margins = new ArrayList<>();
        List<Map<String, Object>> dirs = new ArrayList<>();
        TrainSpec spec = new TrainSpec(train.size(), s.steps(), Order.SEQUENTIAL, s.seed(), 0, 0, 1e6, 4096);
        Trainer.Result r = Trainer.run(new Trainer.Setup(model, model.init(Rng.seed(s.seed()), DType.FLOAT64),
                Objective.parse("logistic", model), train, null, new Sgd(), LearningRateRule.of(Schedule.constant(s.lr())),
                spec, List.of(MarginMonitors.margins(s.marginEvery(), MarginLoss.LOGISTIC, 0.1, degree),
                MarginMonitors.direction(s.directionEvery(), train.size(), true)), row -> {
                    if (row.containsKey("smoothed_margin")) {
                        margins.add(row);
                    }
                    if (row.containsKey("align_cos")) {
                        dirs.add(row);
                    }
                }, null));
        Run run = new Run(degree, r.status(), margins, dirs, (System.nanoTime() - t0) / 1e9);
        HomTrends trends = HomTrends.of(run);
        log.accept(String.format(Locale.ROOT, "%s: %d points, %s (L = %d), %s, %d GD steps in %.1f s: sum loss %.3e,"
                + " smoothed margin %.5f, normalized margin %.5f, |theta| %.3f", s.data(), train.size(), s.model(), degree,
                Rates.h(s.lr()), r.status().step(), run.seconds(), Math.exp(trends.finalLogLoss()),
                trends.finalSmoothed(), trends.finalNormalized(), trends.finalNorm()));
        return new Result(s, run, trends);
    }

    /**
     * The training set in float64: separable 2-D points (drawn from stream 1 of the seed, as the config
     * system draws {@code data.train} from {@code data.seed}), or the first rows of digits 0 and 1.
     */
    static Dataset data(Settings s) {
        if (s.data().equals("separable")) {
            return Synthetic.linearlySeparable(s.samples(), 2, s.dataMargin(), Rng.seed(s.seed()).split(1));
        }
        Dataset d = Datasets.digitsSplit().train().classSubset(0, 1).asType(DType.FLOAT64);
        return d.slice(0, Math.min(s.samples(), d.size()));
    }
}
