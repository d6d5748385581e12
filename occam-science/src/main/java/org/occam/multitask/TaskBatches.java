package org.occam.multitask;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.data.Batches;
import org.occam.data.Dataset;
import org.occam.data.Order;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The data each task's loss sees at a step: its full data (GD) or a mini-batch (task-mixed SGD:
 * every step draws a batch of every active task; METHODS §6 with §2.1). Mini-batches reshuffle each
 * epoch (sampling without replacement) and are a deterministic function of (seed, step); tasks
 * that share one {@link Dataset} instance (e.g. {@link ColumnTasks}) draw the same rows.
 */
public sealed interface TaskBatches {

    /**
     * Task k's loss at this step, as a function of Params.
     *
     * @param k the task
     * @param step the 0-based step
     * @return the loss
     */
    Function<Params, Tensor> loss(int k, long step);

    /**
     * Every task on its full data at every step.
     *
     * @param tasks the tasks, in order
     * @return full-data batches
     */
    static TaskBatches full(List<Task> tasks) {
        return new Full(List.copyOf(tasks));
    }

    /**
     * Mini-batches of {@code batchSize} rows of each task's data, reshuffled every epoch, from {@code seed}.
     *
     * @param tasks the tasks, in order
     * @param batchSize rows per batch
     * @param seed the seed of the schedules
     * @return mini-batches
     */
    static TaskBatches mixed(List<Task> tasks, int batchSize, long seed) {
        Task.requireTasks(tasks);
        List<Dataset> distinct = new ArrayList<>();
        List<Batches> schedules = new ArrayList<>();
        for (Task t : tasks) {
            if (t.data() == null) {
                throw new IllegalArgumentException("task '" + t.name() + "' is a fixed loss without data: it has no mini-batches");
            }
            int g = indexOfSame(distinct, t.data());
            if (g < 0) {
                g = distinct.size();
                distinct.add(t.data());
            }
            schedules.add(new Batches(t.data(), batchSize, Order.RESHUFFLE, Rng.seed(seed).split(g).nextLong(), false));
        }
        return new Mixed(List.copyOf(tasks), List.copyOf(schedules));
    }

    /**
     * Full data.
     *
     * @param tasks the tasks, in order
     */
    record Full(List<Task> tasks) implements TaskBatches {
        @Override
        public Function<Params, Tensor> loss(int k, long step) {
            return tasks.get(k).loss();
        }
    }

    /**
     * Mini-batches, one schedule per task.
     *
     * @param tasks the tasks, in order
     * @param schedules one batch schedule per task
     */
    record Mixed(List<Task> tasks, List<Batches> schedules) implements TaskBatches {
        @Override
        public Function<Params, Tensor> loss(int k, long step) {
            if (step < 0) {
                throw new IllegalArgumentException("step must be >= 0, got " + step);
            }
            Batches b = schedules.get(k);
            int per = b.batchesPerEpoch();
            return tasks.get(k).loss(b.epoch((int) (step / per)).get((int) (step % per)));
        }
    }

    private static int indexOfSame(List<Dataset> list, Dataset d) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == d) {
                return i;
            }
        }
        return -1;
    }
}
