package org.occam.multitask;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Gradient descent on tasks sharing one network under a {@link TaskSchedule} (METHODS §6): step n
 * moves θ by −h∇[Σ_{k active} ℓ_k(θ; batch_k(n)) + term(those losses)] + h·c(θ), with an optional
 * explicit term (e.g. {@link ConflictRegularizer#term}) and an optional vector-field correction c
 * (e.g. {@link BracketCorrection#field}). Every {@code every} steps, and after the last, it
 * records the full-data {@link TaskMetrics} of all tasks. Deterministic: no hidden randomness.
 */
public final class MultitaskGd {
    private MultitaskGd() {
    }

    /** An explicit term added to a step's loss, built from that step's task losses. */
    @FunctionalInterface
    public interface StepTerm {
        /**
         * The term for this step's task losses.
         *
         * @param stepLosses the losses of the tasks trained at this step
         * @return the term, a function of the parameters
         */
        Function<Params, Tensor> of(List<Function<Params, Tensor>> stepLosses);
    }

    /**
     * A run's settings.
     *
     * @param tasks           the tasks
     * @param schedule        which tasks each step trains on
     * @param batches         each task's data at each step
     * @param h               the learning rate
     * @param steps           number of updates
     * @param every           record the task metrics every this many steps (and after the last)
     * @param term            explicit term on each step's losses, or null
     * @param correction      vector field c added as h·c(θ) to every update, or null
     * @param brackets        whether records include the Lie-bracket norms (2 HVPs per pair)
     * @param divergenceBound a step loss above this (or not finite) stops the run as diverged
     */
    public record Setup(List<Task> tasks, TaskSchedule schedule, TaskBatches batches, double h, long steps, int every,
                        StepTerm term, Function<Params, Params> correction, boolean brackets, double divergenceBound) {
        /** Checks the tasks, schedule, batches, rate and periods. */
        public Setup {
            Task.requireTasks(tasks);
            tasks = List.copyOf(tasks);
            if (schedule == null || batches == null) {
                throw new IllegalArgumentException("a multitask run needs a schedule and batches");
            }
            if (!(h > 0) || !Double.isFinite(h)) {
                throw new IllegalArgumentException("learning rate h must be positive and finite, got " + h);
            }
            if (steps < 0 || every < 1) {
                throw new IllegalArgumentException("steps must be >= 0 and every >= 1, got steps=" + steps + ", every=" + every);
            }
        }

        /**
         * Full-batch GD under the schedule: no explicit term, no correction, no brackets, divergence above 1e6.
         *
         * @param tasks the tasks, in order
         * @param schedule which tasks each step trains on
         * @param h the learning rate
         * @param steps the number of updates
         * @param every the recording period
         * @return the setup
         */
        public static Setup gd(List<Task> tasks, TaskSchedule schedule, double h, long steps, int every) {
            return new Setup(tasks, schedule, TaskBatches.full(tasks), h, steps, every, null, null, false, 1e6);
        }

        /**
         * The same run with other batches.
         *
         * @param b the batches
         * @return the setup
         */
        public Setup withBatches(TaskBatches b) {
            return new Setup(tasks, schedule, b, h, steps, every, term, correction, brackets, divergenceBound);
        }

        /**
         * The same run with an explicit term on the losses of each step.
         *
         * @param t the term
         * @return the setup
         */
        public Setup withTerm(StepTerm t) {
            return new Setup(tasks, schedule, batches, h, steps, every, t, correction, brackets, divergenceBound);
        }

        /**
         * The same run with a vector-field correction h·c(θ) on every update.
         *
         * @param c the correction c(θ)
         * @return the setup
         */
        public Setup withCorrection(Function<Params, Params> c) {
            return new Setup(tasks, schedule, batches, h, steps, every, term, c, brackets, divergenceBound);
        }

        /**
         * The same run, recording (or not) the Lie-bracket norms.
         *
         * @param b whether to record them
         * @return the setup
         */
        public Setup withBrackets(boolean b) {
            return new Setup(tasks, schedule, batches, h, steps, every, term, correction, b, divergenceBound);
        }
    }

    /**
     * The metrics of all tasks at θ_step (before update {@code step}; step = steps is the end).
     *
     * @param step the step n
     * @param metrics the tasks' losses, gradients and cosines at θ_n
     */
    public record Row(long step, TaskMetrics.Snapshot metrics) {
    }

    /**
     * A run's outcome.
     *
     * @param params   the last parameters
     * @param rows     the records, in step order
     * @param diverged whether the run stopped early on a non-finite or too large loss
     * @param steps    updates done
     */
    public record Result(Params params, List<Row> rows, boolean diverged, long steps) {
    }

    /**
     * The loss step n differentiates: Σ_{k active} ℓ_k(θ; batch_k(n)) plus the explicit term.
     *
     * @param s the run's setup
     * @param step the step n
     * @return the loss of step n
     */
    public static Function<Params, Tensor> stepLoss(Setup s, long step) {
        List<Function<Params, Tensor>> losses = new ArrayList<>();
        for (int k : s.schedule().tasksAt(step)) {
            if (k >= s.tasks().size()) {
                throw new IllegalArgumentException(s.schedule().describe() + " names task " + k + " but there are "
                        + s.tasks().size());
            }
            losses.add(s.batches().loss(k, step));
        }
        Function<Params, Tensor> extra = s.term() == null ? null : s.term().of(losses);
        return p -> {
            Tensor acc = null;
            for (Function<Params, Tensor> l : losses) {
                Tensor v = l.apply(p);
                acc = acc == null ? v : acc.add(v);
            }
            return extra == null ? acc : acc.add(extra.apply(p));
        };
    }

    /**
     * Runs from {@code init}.
     *
     * @param s the run's setup
     * @param init θ_0
     * @return the records and the final parameters
     */
    public static Result run(Setup s, Params init) {
        List<Function<Params, Tensor>> full = Task.losses(s.tasks());
        List<Row> rows = new ArrayList<>();
        Params p = init;
        for (long n = 0; n < s.steps(); n++) {
            if (n % s.every() == 0) {
                rows.add(new Row(n, TaskMetrics.measure(full, p, s.brackets())));
            }
            Autodiff.ValueAndGrad vg = Autodiff.valueAndGrad(stepLoss(s, n)).apply(p);
            double v = vg.value().item();
            if (!Double.isFinite(v) || v > s.divergenceBound()) {
                return new Result(p, rows, true, n);
            }
            Params next = p.addScaled(vg.grad(), -s.h());
            p = s.correction() == null ? next : next.addScaled(s.correction().apply(p), s.h());
        }
        rows.add(new Row(s.steps(), TaskMetrics.measure(full, p, s.brackets())));
        return new Result(p, rows, false, s.steps());
    }
}
