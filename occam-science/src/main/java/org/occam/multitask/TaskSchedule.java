package org.occam.multitask;

import java.util.Arrays;

/**
 * Which tasks each step trains on (deterministic; METHODS §6, §2.1). A step differentiates the sum
 * of its tasks' losses (scale the tasks for a mean, see the package notes).
 * <ul>
 *   <li>{@link #joint}: every task every step (joint GD; with mini-batches, task-mixed SGD);</li>
 *   <li>{@link #sequential}: task after task in blocks, the last one to the end (continual learning);</li>
 *   <li>{@link #alternating}: blocks of {@code period} steps of each task in turn, forever.</li>
 * </ul>
 */
public sealed interface TaskSchedule {

    /**
     * The indices of the tasks trained at this step (0-based step count).
     *
     * @param step the 0-based step
     * @return the task indices
     */
    int[] tasksAt(long step);

    /**
     * A short description, e.g. "alternating(2 tasks, period 5)".
     *
     * @return the description
     */
    String describe();

    /**
     * The task of each of {@code length} steps from {@code from}, for schedules with one task per step.
     *
     * @param from the first step
     * @param length the number of steps
     * @return the task of each step
     */
    default int[] order(long from, int length) {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            int[] t = tasksAt(from + i);
            if (t.length != 1) {
                throw new IllegalArgumentException(describe() + " trains " + t.length + " tasks at step " + (from + i)
                        + "; an order needs one task per step");
            }
            out[i] = t[0];
        }
        return out;
    }

    /**
     * Joint training on all {@code tasks} at every step.
     *
     * @param tasks K
     * @return the schedule
     */
    static TaskSchedule joint(int tasks) {
        return new Joint(tasks);
    }

    /**
     * Task 0 for lengths[0] steps, then task 1 for lengths[1], ...; the last task continues to the end.
     *
     * @param lengths the steps of each task
     * @return the schedule
     */
    static TaskSchedule sequential(long... lengths) {
        int[] tasks = new int[lengths.length];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = i;
        }
        return new Sequential(tasks, lengths);
    }

    /**
     * Blocks of tasks[i] for lengths[i] steps in order (e.g. A, B, A); the last block continues to the end.
     *
     * @param tasks the task of each block
     * @param lengths the length of each block
     * @return the schedule
     */
    static TaskSchedule sequential(int[] tasks, long[] lengths) {
        return new Sequential(tasks, lengths);
    }

    /**
     * Task (step / period) mod K: A for {@code period} steps, then B, ..., then A again.
     *
     * @param tasks K
     * @param period steps per block
     * @return the schedule
     */
    static TaskSchedule alternating(int tasks, int period) {
        return new Alternating(tasks, period);
    }

    /**
     * All tasks every step.
     *
     * @param tasks K
     */
    record Joint(int tasks) implements TaskSchedule {
        /** Checks K ≥ 1. */
        public Joint {
            if (tasks < 1) {
                throw new IllegalArgumentException("joint schedule needs at least one task, got " + tasks);
            }
        }

        @Override
        public int[] tasksAt(long step) {
            requireStep(step);
            int[] all = new int[tasks];
            for (int k = 0; k < tasks; k++) {
                all[k] = k;
            }
            return all;
        }

        @Override
        public String describe() {
            return "joint(" + tasks + " tasks)";
        }
    }

    /**
     * Blocks of one task each; the last block never ends.
     *
     * @param tasks the task of each block
     * @param lengths the length of each block in steps
     */
    record Sequential(int[] tasks, long[] lengths) implements TaskSchedule {
        /** Checks one length ≥ 1 per block and task indices ≥ 0, and copies them. */
        public Sequential {
            if (tasks == null || lengths == null || tasks.length == 0 || tasks.length != lengths.length) {
                throw new IllegalArgumentException("sequential schedule needs one length per block, got tasks "
                        + Arrays.toString(tasks) + " and lengths " + Arrays.toString(lengths));
            }
            for (int i = 0; i < tasks.length; i++) {
                if (tasks[i] < 0 || lengths[i] < 1) {
                    throw new IllegalArgumentException("sequential schedule: block " + i + " needs a task index >= 0 and a"
                            + " length >= 1, got task " + tasks[i] + " for " + lengths[i] + " steps");
                }
            }
            tasks = tasks.clone();
            lengths = lengths.clone();
        }

        /**
         * The step at which block i starts.
         *
         * @param i the block
         * @return its first step
         */
        public long blockStart(int i) {
            long s = 0;
            for (int b = 0; b < i; b++) {
                s += lengths[b];
            }
            return s;
        }

        @Override
        public int[] tasksAt(long step) {
            requireStep(step);
            long end = 0;
            for (int i = 0; i < tasks.length; i++) {
                end += lengths[i];
                if (step < end) {
                    return new int[] {tasks[i]};
                }
            }
            return new int[] {tasks[tasks.length - 1]};
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("sequential(");
            for (int i = 0; i < tasks.length; i++) {
                sb.append(i == 0 ? "" : ", ").append("task").append(tasks[i]).append(" x").append(lengths[i]);
            }
            return sb.append(')').toString();
        }
    }

    /**
     * Equal blocks of {@code period} steps of each task in turn.
     *
     * @param tasks K
     * @param period steps per block
     */
    record Alternating(int tasks, int period) implements TaskSchedule {
        /** Checks K ≥ 1 and period ≥ 1. */
        public Alternating {
            if (tasks < 1 || period < 1) {
                throw new IllegalArgumentException("alternating schedule needs tasks >= 1 and period >= 1, got " + tasks
                        + " and " + period);
            }
        }

        /**
         * Steps in one full cycle through the tasks, K·period.
         *
         * @return K·period
         */
        public int cycle() {
            return tasks * period;
        }

        @Override
        public int[] tasksAt(long step) {
            requireStep(step);
            return new int[] {(int) ((step / period) % tasks)};
        }

        @Override
        public String describe() {
            return "alternating(" + tasks + " tasks, period " + period + ")";
        }
    }

    private static void requireStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
    }
}
