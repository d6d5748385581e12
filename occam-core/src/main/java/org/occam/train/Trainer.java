package org.occam.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Batches;
import org.occam.data.Dataset;
import org.occam.data.Order;
import org.occam.nn.Forward;
import org.occam.nn.Mode;
import org.occam.nn.Model;
import org.occam.nn.ModelState;
import org.occam.optim.LearningRateRule;
import org.occam.optim.OptState;
import org.occam.optim.Optimizer;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The training loop: deterministic batches, one optimizer update per step, evaluation and
 * monitors on their periods, divergence detection, checkpoints, and bit-identical resume. A
 * {@link StopCondition} ends a run early (a loss or accuracy target, a monitor's verdict, a
 * divergence test, a step budget); the result keeps the last row before the end that the condition
 * decided, with its parameters, for interpolating across the crossing step.
 *
 * <p>Batch {@code s} depends only on the seed and s (epoch s / batchesPerEpoch), its augmentation
 * (if any) only on the seed, s and the row, and the optimizer state is checkpointed with the parameters, so a run resumed from its latest
 * checkpoint ends with the same bits as an uninterrupted one.
 *
 * <p>A model with buffers (BatchNorm) carries a {@link ModelState} through the run: each step's
 * gradient is computed in a {@link Mode#TRAIN} frame, whose passes update the running statistics
 * (every train-mode forward, as in PyTorch), and dropout masks are keyed by (seed, step); the
 * learning-rate rule sees the same train-mode function with its buffer updates dropped;
 * evaluation and monitors see an {@link Mode#EVAL} frame (a monitor never changes the buffers).
 * The state is checkpointed and restored with the parameters. A batch processed in chunks
 * ({@code spec.chunk()}) normalises each chunk with its own statistics, as gradient accumulation
 * does in PyTorch.
 */
public final class Trainer {

    /**
     * Everything a run needs; {@code test} and {@code checkpoints} may be null; {@code stop} null: never stop early.
     *
     * @param model the network (null for an objective without one: the state is then empty)
     * @param init the starting parameters (a checkpoint in {@code checkpoints} takes precedence)
     * @param objective what each step differentiates (the loss and any explicit regularizer)
     * @param train the training set batches are drawn from
     * @param test the test set evaluated every {@code spec.evalEvery()} steps, or null
     * @param optimizer the update rule (SGD, momentum, Adam)
     * @param lr the step size h of each step
     * @param spec batch size, steps, order, seed, evaluation and checkpoint periods
     * @param monitors measurements taken during training (null: none)
     * @param sink receives each metrics row (null: discarded)
     * @param checkpoints where checkpoints are written and resumed from, or null for none
     * @param state the model buffers to start from (null: the model's initial buffers)
     * @param stop ends the run early at the first row that meets it (null: never)
     */
    public record Setup(Model model, Params init, Objective objective, Dataset train, Dataset test, Optimizer optimizer,
                        LearningRateRule lr, TrainSpec spec, List<Monitor> monitors, MetricsSink sink,
                        CheckpointStore checkpoints, ModelState state, StopCondition stop) {
        /** Fills in the defaults: no monitors, a discarding sink, the model's initial buffers, no early stop. */
        public Setup {
            monitors = monitors == null ? List.of() : List.copyOf(monitors);
            sink = sink == null ? MetricsSink.NONE : sink;
            if (state == null) {
                state = model == null ? ModelState.empty() : model.initState(init.dtype());
            }
            stop = stop == null ? StopCondition.never() : stop;
        }

        /**
         * A setup that runs to its step budget unless it diverges.
         *
         * @param model the network (null for an objective without one: the state is then empty)
         * @param init the starting parameters (a checkpoint in {@code checkpoints} takes precedence)
         * @param objective what each step differentiates (the loss and any explicit regularizer)
         * @param train the training set batches are drawn from
         * @param test the test set evaluated every {@code spec.evalEvery()} steps, or null
         * @param optimizer the update rule (SGD, momentum, Adam)
         * @param lr the step size h of each step
         * @param spec batch size, steps, order, seed, evaluation and checkpoint periods
         * @param monitors measurements taken during training (null: none)
         * @param sink receives each metrics row (null: discarded)
         * @param checkpoints where checkpoints are written and resumed from, or null for none
         * @param state the model buffers to start from (null: the model's initial buffers)
         */
        public Setup(Model model, Params init, Objective objective, Dataset train, Dataset test, Optimizer optimizer,
                     LearningRateRule lr, TrainSpec spec, List<Monitor> monitors, MetricsSink sink, CheckpointStore checkpoints,
                     ModelState state) {
            this(model, init, objective, train, test, optimizer, lr, spec, monitors, sink, checkpoints, state, null);
        }

        /**
         * The same setup, ending at the first row that meets {@code condition} (see {@link StopCondition}).
         *
         * @param condition what ends the run early
         * @return the setup with that stop condition
         */
        public Setup withStop(StopCondition condition) {
            return new Setup(model, init, objective, train, test, optimizer, lr, spec, monitors, sink, checkpoints, state,
                    condition);
        }

        /**
         * A setup whose model state starts from the model's initial buffers.
         *
         * @param model the network (null for an objective without one: the state is then empty)
         * @param init the starting parameters (a checkpoint in {@code checkpoints} takes precedence)
         * @param objective what each step differentiates (the loss and any explicit regularizer)
         * @param train the training set batches are drawn from
         * @param test the test set evaluated every {@code spec.evalEvery()} steps, or null
         * @param optimizer the update rule (SGD, momentum, Adam)
         * @param lr the step size h of each step
         * @param spec batch size, steps, order, seed, evaluation and checkpoint periods
         * @param monitors measurements taken during training (null: none)
         * @param sink receives each metrics row (null: discarded)
         * @param checkpoints where checkpoints are written and resumed from, or null for none
         */
        public Setup(Model model, Params init, Objective objective, Dataset train, Dataset test, Optimizer optimizer,
                     LearningRateRule lr, TrainSpec spec, List<Monitor> monitors, MetricsSink sink, CheckpointStore checkpoints) {
            this(model, init, objective, train, test, optimizer, lr, spec, monitors, sink, checkpoints, null);
        }
    }

    /**
     * The outcome: final parameters, optimizer state, status, the last evaluation and the model's buffers.
     *
     * @param params the parameters after the last step
     * @param optimizer the optimizer's state after the last step
     * @param status how the run ended (completed, stopped, diverged, ...)
     * @param lastMetrics the last metrics row
     * @param state the model's buffers after the last step
     * @param previous the last row before the end that the stop condition decided, if any
     */
    public record Result(Params params, OptState optimizer, RunStatus status, Map<String, Object> lastMetrics,
                         ModelState state, Optional<Previous> previous) {
        /** An absent previous row reads as empty. */
        public Result {
            previous = previous == null ? Optional.empty() : previous;
        }

        /**
         * An outcome without a previous row.
         *
         * @param params the parameters after the last step
         * @param optimizer the optimizer's state after the last step
         * @param status how the run ended (completed, stopped, diverged, ...)
         * @param lastMetrics the last metrics row
         * @param state the model's buffers after the last step
         */
        public Result(Params params, OptState optimizer, RunStatus status, Map<String, Object> lastMetrics,
                      ModelState state) {
            this(params, optimizer, status, lastMetrics, state, Optional.empty());
        }
    }

    /**
     * The last row before the one that ended the run that the stop condition decided
     * ({@link StopCondition#decides}), with the parameters it was measured at: e.g. the last iterate
     * above a loss target, the other end of the crossing step.
     *
     * @param params the parameters of that row (before its step's update)
     * @param row its metrics row
     */
    public record Previous(Params params, Map<String, Object> row) {
    }

    private Trainer() {
    }

    /**
     * Runs from the latest checkpoint if there is one, else from {@code setup.init()}.
     *
     * @param s the run's setup
     * @return how the run ended, with its final parameters, optimizer state and buffers
     */
    public static Result run(Setup s) {
        Params params = s.init();
        OptState opt = OptState.empty();
        ModelState state = s.state();
        long start = 0;
        if (s.checkpoints() != null) {
            Optional<CheckpointStore.Saved> saved = s.checkpoints().latest(s.init(), s.state());
            if (saved.isPresent()) {
                params = saved.get().params();
                opt = saved.get().optimizer();
                state = saved.get().state();
                start = saved.get().step();
            }
        }
        TrainSpec spec = s.spec();
        Batches batches = new Batches(s.train(), spec.batchSize(), spec.order(), spec.seed(), false);
        int perEpoch = batches.batchesPerEpoch();
        // Full-batch GD in sequential order: each step's batch is the data set itself (same rows, no copy).
        boolean whole = spec.order() == Order.SEQUENTIAL && spec.batchSize() >= s.train().size();
        Map<String, Object> last = new LinkedHashMap<>();
        long lastSaved = start;
        Previous previous = null;
        for (long step = start; step < spec.steps(); step++) {
            int epoch = (int) (step / perEpoch);
            Batch batch = spec.augment().apply(whole ? s.train().all() : batches.epoch(epoch).get((int) (step % perEpoch)),
                    spec.seed(), step);
            Params current = params;
            Forward train = Forward.of(state, Mode.TRAIN, dropoutKey(spec.seed(), step));
            Autodiff.ValueAndGrad vg = train.run(() -> valueAndGrad(s.objective(), current, batch, spec.chunk()));
            ModelState before = state;
            Forward eval = Forward.of(before, Mode.EVAL, 0);
            double loss = vg.value().item();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", step);
            row.put("epoch", epoch);
            row.put("loss", loss);
            String bad = divergence(loss, spec.divergenceBound());
            if (bad != null) {
                row.put("status", "diverged");
                s.sink().accept(row);
                return new Result(params, opt, RunStatus.diverged(step, bad), row, state, Optional.ofNullable(previous));
            }
            long at = step;
            Forward probe = Forward.of(before, Mode.TRAIN, dropoutKey(spec.seed(), step)); // its buffer updates are dropped
            double lr = probe.run(() -> s.lr().learningRate(new LearningRateRule.Context(at, current, vg.grad(), vg.value())));
            row.put("lr", lr);
            boolean lastStep = step == spec.steps() - 1;
            Optional<String> stop = eval.run(() -> measureUntilStop(s, row, at, current, lr, before));
            if (stop.isPresent()) {
                return Stopping.stop(s, row, step, stop.get(), params, opt, state, lastSaved, previous);
            }
            if (s.stop().decides(row)) {
                previous = new Previous(current, row);
            }
            Optimizer.Update u = s.optimizer().update(current, vg.grad(), opt, lr);
            params = u.params();
            opt = u.state();
            state = train.state();
            s.sink().accept(row);
            last = row;
            if (s.checkpoints() != null && (due(step, spec.checkpointEvery(), lastStep)) && step + 1 != lastSaved) {
                s.checkpoints().save(step + 1, params, state, opt);
                lastSaved = step + 1;
            }
        }
        // Also when resuming a run whose last checkpoint is the final step: a kill between that
        // checkpoint and the final row must not lose the row.
        Params done = params;
        ModelState end = state;
        last = Forward.of(end, Mode.EVAL, 0).run(() -> finalRow(s, done, end, spec.steps()));
        RunStatus status = Stopping.status(s.stop(), last, spec.steps());
        s.sink().accept(last);
        return new Result(params, opt, status, last, state, Optional.ofNullable(previous));
    }

    /** The dropout key of a step: a function of the seed and the step only (so resume is exact). */
    static long dropoutKey(long seed, long step) {
        return Rng.seed(seed).split(0x5eed).split(step).nextLong();
    }

    /** Evaluation and monitors of the final parameters, reported as step = steps. */
    private static Map<String, Object> finalRow(Setup s, Params params, ModelState state, long steps) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", steps);
        row.put("final", true);
        Monitor.Context ctx = new Monitor.Context(steps, params, s.model(), s.objective(), s.train(), Double.NaN, state);
        for (Monitor m : s.monitors()) {
            row.putAll(m.measure(ctx));
        }
        addEvaluation(s, row, params);
        return row;
    }

    /** True on every n-th step (1-based count) and on the last step; n = 0 means only the last. */
    private static boolean due(long step, int every, boolean lastStep) {
        return lastStep || (every > 0 && (step + 1) % every == 0);
    }

    private static String divergence(double loss, double bound) {
        if (Double.isNaN(loss) || Double.isInfinite(loss)) {
            return "loss is " + loss;
        }
        if (loss > bound) {
            return "loss " + loss + " exceeds the divergence bound " + bound;
        }
        return null;
    }

    /**
     * Loss and gradient of the batch mean; a batch larger than {@code chunk} rows is processed in
     * chunks whose gradients are combined with weights |chunk|/|batch|, in a fixed order (only for
     * decomposable objectives: a gradient-norm penalty sees the whole batch at once).
     */
    static Autodiff.ValueAndGrad valueAndGrad(Objective objective, Params params, Batch batch, int chunk) {
        int n = batch.size();
        if (n <= chunk || !objective.decomposable()) {
            return objective.valueAndGrad(params, batch);
        }
        Tensor value = null;
        Params grad = null;
        int[] idx = batch.indices();
        for (int startRow = 0; startRow < n; startRow += chunk) {
            int end = Math.min(n, startRow + chunk);
            Batch part = slice(batch, idx, startRow, end);
            Autodiff.ValueAndGrad vg = objective.valueAndGrad(params, part);
            double w = (double) (end - startRow) / n;
            Tensor v = vg.value().mul(w);
            Params g = vg.grad().scale(w);
            value = value == null ? v : value.add(v);
            grad = grad == null ? g : grad.add(g);
        }
        return new Autodiff.ValueAndGrad(value, grad);
    }

    private static Batch slice(Batch b, int[] idx, int from, int to) {
        int[] y = b.y();
        return new Batch(b.x().slice(0, from, to), y == null ? null : java.util.Arrays.copyOfRange(y, from, to),
                b.targets() == null ? null : b.targets().slice(0, from, to), java.util.Arrays.copyOfRange(idx, from, to));
    }

    /**
     * Fills the row with the monitors due at this step (every monitor at step 0 and every
     * {@code every()} steps after) and the evaluation when due, checking the stop condition before
     * each and after the last: a row that meets it is measured no further.
     *
     * @return the stop condition's reason, or empty
     */
    private static Optional<String> measureUntilStop(Setup s, Map<String, Object> row, long step, Params params, double lr,
                                                     ModelState state) {
        Optional<String> why = s.stop().check(row);
        Monitor.Context ctx = new Monitor.Context(step, params, s.model(), s.objective(), s.train(), lr, state);
        for (Monitor m : s.monitors()) {
            if (why.isPresent()) {
                return why;
            }
            if (m.every() > 0 && step % m.every() == 0) {
                row.putAll(m.measure(ctx));
                why = s.stop().check(row);
            }
        }
        if (why.isEmpty() && s.spec().evalEvery() > 0 && step % s.spec().evalEvery() == 0) {
            addEvaluation(s, row, params);
            why = s.stop().check(row);
        }
        return why;
    }

    private static void addEvaluation(Setup s, Map<String, Object> row, Params params) {
        int chunk = s.spec().chunk();
        Objective plain = s.objective().base();
        Evaluation.Result tr = Evaluation.evaluate(s.model(), plain, params, s.train(), chunk);
        row.put("train_loss", tr.loss());
        row.put("train_accuracy", tr.accuracy());
        if (s.test() != null) {
            Evaluation.Result te = Evaluation.evaluate(s.model(), plain, params, s.test(), chunk);
            row.put("test_loss", te.loss());
            row.put("test_accuracy", te.accuracy());
        }
    }
}
