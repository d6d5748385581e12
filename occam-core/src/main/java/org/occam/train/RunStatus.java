package org.occam.train;

import java.io.Serializable;

/**
 * How a run stands or ended: running, completed, stopped early by a {@link StopCondition}, diverged
 * at a step, failed with an error, or interrupted (a signal or the end of its parent process stopped
 * it; it resumes from its checkpoint).
 *
 * @param state running, completed, diverged, failed, stopped or interrupted
 * @param step the step reached
 * @param message why it stopped, diverged, failed or was interrupted (null when running or completed)
 */
public record RunStatus(State state, long step, String message) implements Serializable {

    /** The states a run can be in. */
    public enum State {
        /** Still training. */
        RUNNING,
        /** Ran its whole step budget. */
        COMPLETED,
        /** The loss became non-finite or exceeded the divergence bound. */
        DIVERGED,
        /** An error ended it. */
        FAILED,
        /** A {@link StopCondition} ended it early. */
        STOPPED,
        /** A signal or its parent's end stopped it; it resumes from its checkpoint. */
        INTERRUPTED
    }

    /**
     * Running, at {@code step}.
     *
     * @param step the step reached
     * @return the status
     */
    public static RunStatus running(long step) {
        return new RunStatus(State.RUNNING, step, null);
    }

    /**
     * Completed its step budget at {@code step}.
     *
     * @param step the last step
     * @return the status
     */
    public static RunStatus completed(long step) {
        return new RunStatus(State.COMPLETED, step, null);
    }

    /**
     * Ended at {@code step} because its row met a stop condition; {@code why} says which.
     *
     * @param step the step of the row that met the condition
     * @param why the condition's reason
     * @return the status
     */
    public static RunStatus stopped(long step, String why) {
        return new RunStatus(State.STOPPED, step, why);
    }

    /**
     * Diverged at {@code step}: the loss became non-finite or exceeded the divergence bound.
     *
     * @param step the step where it diverged
     * @param why what was wrong with the loss (non-finite, or its value above the bound)
     * @return the status
     */
    public static RunStatus diverged(long step, String why) {
        return new RunStatus(State.DIVERGED, step, why);
    }

    /**
     * Failed at {@code step} with an error.
     *
     * @param step the step reached
     * @param error the error's message
     * @return the status
     */
    public static RunStatus failed(long step, String error) {
        return new RunStatus(State.FAILED, step, error);
    }

    /**
     * Stopped at {@code step} by a signal (or its parent's end); {@code message} says how to resume.
     *
     * @param step the step reached
     * @param message how to resume
     * @return the status
     */
    public static RunStatus interrupted(long step, String message) {
        return new RunStatus(State.INTERRUPTED, step, message);
    }
}
