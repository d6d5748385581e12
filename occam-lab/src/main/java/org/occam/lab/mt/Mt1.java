package org.occam.lab.mt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.lab.claim.Outcome;
import org.occam.lab.seeds.SeedRuns;
import org.occam.lab.seeds.Seeds;
import org.occam.measure.Hessians;
import org.occam.multitask.ColumnTasks;
import org.occam.multitask.MultitaskData;
import org.occam.multitask.Task;
import org.occam.nn.Layer;
import org.occam.nn.Linear;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * MT-1 of METHODS §11 (multitask and continual learning, METHODS §6): two regression tasks, the
 * two target columns of {@link MultitaskData#relatedTeachers}, on one shared tanh MLP with an
 * output per task, trained in float64 on L = L_A + L_B (the sum: every coefficient below refers
 * to it). Three arms: a full-batch GD sweep over h ({@link Mt1Joint}: cos∠(∇L_A, ∇L_B) along the
 * runs, expected more negative at larger h because the implicit conflict term (h/2)⟨∇L_A, ∇L_B⟩
 * rewards conflict), the explicit conflict regularizer (small h with the large-h coefficient; large
 * h with the implicit term cancelled), and continual schedules ({@link Mt1Continual}: sequential
 * forgetting, alternating with and without the Lie-bracket correction).
 */
public final class Mt1 {

    /**
     * The reproduction's settings.
     *
     * @param model         a tanh MLP spec with {@code inputs} inputs and 2 outputs
     * @param samples       training rows
     * @param inputs        input dimension
     * @param teacherHidden width of each teacher
     * @param relatedness   ρ of {@link MultitaskData#relatedTeachers}
     * @param noise         target noise
     * @param lrs           the joint-GD rates h (sorted ascending; the first and last drive the regularizer arm)
     * @param time          gradient-flow time T = h·steps of every joint run (larger h: fewer steps)
     * @param records       measurements per joint run
     * @param continualLr   the rate of the continual arm
     * @param continualSteps steps of each continual run (the sequential run switches from A to B halfway)
     * @param period        the alternating block length of the continual arm (1 is A, B, A, B, ...)
     * @param seed          the first data and initialization seed (the continual arm uses it)
     * @param seeds         how many seeds the joint arm runs (seed, seed + 1, ...): each draws new data and a new
     *                      initialization, and the trends are judged on the cosines averaged over seeds
     * @param cancelSelf    add −(h/4)Σ_k‖∇L_k‖² to every joint run, cancelling the per-task self terms of
     *                      the implicit regularizer so that only the conflict term (h/2)⟨∇L_A, ∇L_B⟩ varies
     *                      with h (METHODS §11 MT-1)
     */
    public record Settings(String model, int samples, int inputs, int teacherHidden, double relatedness, double noise,
                           double[] lrs, double time, int records, double continualLr, int continualSteps, int period,
                           long seed, int seeds, boolean cancelSelf) {
        /** Refuses settings out of range, with one line naming the field. */
        public Settings {
            if (samples < 1 || inputs < 1 || teacherHidden < 1 || records < 2 || continualSteps < 2 || period < 1
                    || seeds < 1) {
                throw new IllegalArgumentException("MT-1 needs samples, inputs, teacher width, period, seeds >= 1, records"
                        + " and continual steps >= 2");
            }
            if (lrs == null || lrs.length < 2) {
                throw new IllegalArgumentException("MT-1 needs at least two learning rates, got "
                        + (lrs == null ? 0 : lrs.length));
            }
            lrs = lrs.clone();
            java.util.Arrays.sort(lrs);
            for (double h : lrs) {
                if (!(h > 0) || !Double.isFinite(h)) {
                    throw new IllegalArgumentException("learning rates must be positive, got " + h);
                }
            }
            if (!(time > 0) || !(continualLr > 0) || !(relatedness >= -1 && relatedness <= 1) || !(noise >= 0)) {
                throw new IllegalArgumentException("MT-1 needs time > 0, continual rate > 0, relatedness in [-1, 1] and"
                        + " noise >= 0");
            }
        }

        /**
         * 200 samples of two independent teachers (ρ = 0) in 8 dimensions, mlp:8-16-2:tanh, h ∈ {0.025, 0.05,
         * 0.075, 0.1} (λ_max ≈ 3.3 at initialization, so hλ_max ≈ 0.33 at the largest h: METHODS §11 asks for
         * hλ_max &lt; 0.5 throughout, which the claims check) over T = 100, self terms cancelled; continual arm at
         * h = 0.1 for 2000 steps with blocks of 25.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings("mlp:8-16-2:tanh", 200, 8, 16, 0.0, 0.1, new double[] {0.025, 0.05, 0.075, 0.1}, 100,
                    200, 0.1, 2000, 25, 0, 1, true);
        }

        /**
         * The defaults with a model (its input dimension sets the data's), training rows, rates, time T, continual
         * steps, first seed and number of seeds.
         *
         * @param model the network
         * @param seed the seed of the random draws
         * @param seeds the result of each seed
         * @param samples the training rows
         * @param lrs the joint arm's rates
         * @param time the gradient-flow time T = h·steps of every joint run
         * @param continualSteps the continual arm's steps per task
         * @return the settings
         */
        public static Settings of(String model, int samples, double[] lrs, double time, int continualSteps, long seed,
                                  int seeds) {
            Settings d = defaults();
            return new Settings(model, samples, inputs(model), d.teacherHidden(), d.relatedness(), d.noise(), lrs, time,
                    d.records(), d.continualLr(), continualSteps, d.period(), seed, seeds, d.cancelSelf());
        }

        /** The input dimension of a model spec (its first Linear layer's). */
        static int inputs(String model) {
            for (Layer l : Models.parse(model).layers()) {
                if (l instanceof Linear lin) {
                    return lin.in();
                }
            }
            throw new IllegalArgumentException("MT-1 needs an MLP model spec such as mlp:8-16-2:tanh, got " + model);
        }

        /**
         * {@code --quick}: mlp:4-6-2:tanh, 30 samples, h ∈ {0.1, 0.3}, T = 2, continual 20 steps, self terms cancelled.
         *
         * @return the settings
         */
        public static Settings quick() {
            return new Settings("mlp:4-6-2:tanh", 30, 4, 4, 0.0, 0.1, new double[] {0.1, 0.3}, 2, 10, 0.1, 20, 2, 0, 1, true);
        }

        /**
         * One seed of the joint arm (and the continual arm) at {@code s}.
         *
         * @param s the seed
         * @return the settings
         */
        public Settings withSeed(long s) {
            return new Settings(model, samples, inputs, teacherHidden, relatedness, noise, lrs, time, records, continualLr,
                    continualSteps, period, s, 1, cancelSelf);
        }

        /**
         * Steps of a joint run at rate h: round(T/h).
         *
         * @param h the learning rate h
         * @return round(T/h), at least 1
         */
        public long steps(double h) {
            return Math.max(1, Math.round(time / h));
        }
    }

    /** The two tasks on the shared network, and where training starts. */
    record Problem(long seed, Sequential model, Dataset data, List<Task> tasks, Params init, double initialSharpness) {
        Function<Params, Tensor> joint() {
            return joint(tasks);
        }

        /** L_A + L_B. */
        static Function<Params, Tensor> joint(List<Task> tasks) {
            List<Function<Params, Tensor>> l = Task.losses(tasks);
            return p -> l.get(0).apply(p).add(l.get(1).apply(p));
        }
    }

    /**
     * Everything measured, and the claims checked.
     *
     * @param settings the settings it ran with
     * @param initialSharpness λ_max at initialization
     * @param joint the joint arm's runs
     * @param continual the continual arm's runs
     */
    public record Result(Settings settings, double initialSharpness, Mt1Joint.Result joint, Mt1Continual.Result continual) {
    }

    private Mt1() {
    }

    /** Runs every arm, logging one line per run, and checks the claims. */
    /**
     * MT-1 over seeds: each seed runs both arms on its own data and initialization; the claims are
     * judged over seeds and the report written into dir.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     */
    public static Outcome reproduce(Settings s, Seeds seeds, boolean quick, Path dir, Consumer<String> log) {
        return SeedRuns.reproduceHere("MT-1", "its per-seed results hold the trained parameters",
                s, seeds, quick, (seed, out) -> run(s.withSeed(seed), out), Mt1Claims::of,
                (runs, claims) -> Mt1Report.write(runs, claims, quick, dir), log);
    }

    /**
     * The joint arm on {@code s.seeds()} seeds from {@code s.seed()}, and the continual arm on the first.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Result run(Settings s, Consumer<String> log) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < s.seeds(); i++) {
            problems.add(problem(s, s.seed() + i));
        }
        Problem first = problems.getFirst();
        log.accept(String.format(Locale.ROOT, "lambda_max of L_A + L_B at initialization (seed %d) %.4g: GD is stable below"
                + " h = 2/lambda = %.4g", s.seed(), first.initialSharpness(), 2 / first.initialSharpness()));
        Mt1Joint.Result joint = Mt1Joint.run(s, problems, log);
        Mt1Continual.Result continual = Mt1Continual.run(s, first, log);
        return new Result(s, first.initialSharpness(), joint, continual);
    }

    /** The data and initialization of one seed. */
    static Problem problem(Settings s, long seed) {
        Dataset data = MultitaskData.relatedTeachers(s.samples(), s.inputs(), s.teacherHidden(), 2, s.relatedness(), s.noise(),
                Rng.seed(seed).split(0));
        Sequential model = Models.parse(s.model());
        List<Task> tasks = ColumnTasks.of(model, data);
        Params init = model.init(Rng.seed(seed).split(1), DType.FLOAT64);
        return new Problem(seed, model, data, tasks, init, sharpness(Problem.joint(tasks), init));
    }

    /** λ_max of a loss at p (20 Lanczos steps). */
    static double sharpness(Function<Params, Tensor> loss, Params p) {
        return Hessians.lanczos(loss, p, 1, 20, Rng.seed(0)).eigenvalues()[0];
    }
}
