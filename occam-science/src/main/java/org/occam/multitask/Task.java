package org.occam.multitask;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * One task of a network shared by several (METHODS §6): a name, its loss on (parameters, batch),
 * and the data it trains on. {@link #loss()} is its full-data loss as a function of Params; a task
 * made by {@link #fixed} is a function of Params alone (no data, no batches).
 */
public final class Task {
    private final String name;
    private final Objective objective;
    private final Dataset data;
    private final Batch all;

    /**
     * A task named {@code name}: {@code objective} on batches of {@code data}.
     *
     * @param name      a label for reports (letters, digits, '_' or '-')
     * @param objective the task's loss on a batch of {@code data}
     * @param data      the task's training data, or null for a fixed loss that ignores batches
     */
    public Task(String name, Objective objective, Dataset data) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("task name must be letters, digits, '_' or '-', got '" + name + "'");
        }
        if (objective == null) {
            throw new IllegalArgumentException("task '" + name + "': objective must be given");
        }
        this.name = name;
        this.objective = objective;
        this.data = data;
        this.all = data == null ? null : data.all();
    }

    /**
     * A task whose loss is a fixed function of Params (e.g. a loss on a fixed batch).
     *
     * @param name the task's name
     * @param loss the loss as a function of the parameters
     * @return the task
     */
    public static Task fixed(String name, Function<Params, Tensor> loss) {
        return new Task(name, (p, b) -> loss.apply(p), null);
    }

    /**
     * The task label.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The task loss on (parameters, batch).
     *
     * @return the objective
     */
    public Objective objective() {
        return objective;
    }

    /**
     * The task's data, or null for a fixed task.
     *
     * @return the data, or null
     */
    public Dataset data() {
        return data;
    }

    /**
     * The full-data loss θ ↦ ℓ(θ) (a fixed task's function).
     *
     * @return the loss
     */
    public Function<Params, Tensor> loss() {
        return p -> objective.loss(p, all);
    }

    /**
     * The loss on one batch of the task's data, as a function of Params.
     *
     * @param batch a batch of examples
     * @return the loss
     */
    public Function<Params, Tensor> loss(Batch batch) {
        return p -> objective.loss(p, batch);
    }

    /**
     * The same task with its loss multiplied by c (same data, same name).
     *
     * @param c the factor
     * @return the scaled task
     */
    public Task scaled(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("task '" + name + "': scale must be finite, got " + c);
        }
        Objective o = objective;
        return new Task(name, (p, b) -> o.loss(p, b).mul(c), data);
    }

    /**
     * Each task scaled by 1/K: their sum is the task average (METHODS §6, "rescale accordingly").
     *
     * @param tasks the tasks, in order
     * @return the scaled tasks
     */
    public static List<Task> mean(List<Task> tasks) {
        requireTasks(tasks);
        List<Task> out = new ArrayList<>();
        for (Task t : tasks) {
            out.add(t.scaled(1.0 / tasks.size()));
        }
        return List.copyOf(out);
    }

    /**
     * The full-data losses of the tasks, in order.
     *
     * @param tasks the tasks, in order
     * @return the losses
     */
    public static List<Function<Params, Tensor>> losses(List<Task> tasks) {
        requireTasks(tasks);
        List<Function<Params, Tensor>> out = new ArrayList<>();
        for (Task t : tasks) {
            out.add(t.loss());
        }
        return List.copyOf(out);
    }

    static void requireTasks(List<Task> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("need at least one task, got none");
        }
    }

    @Override
    public String toString() {
        return "Task(" + name + (data == null ? ", fixed" : ", " + data.name()) + ")";
    }
}
