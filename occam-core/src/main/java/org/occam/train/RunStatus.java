package org.occam.train;

import java.io.Serializable;

/**
 * How a run stands or ended: running, completed, stopped early by a {@link StopCondition}, diverged
 * at a step, failed with an error, or interrupted (a signal or the end of its parent process stopped
 * it; it resumes from its checkpoint).
 */
public record RunStatus(State state, long step, String message) implements Serializable {

    /** The states a run can be in. */
    public enum State { RUNNING, COMPLETED, DIVERGED, FAILED, STOPPED, INTERRUPTED }

    public static RunStatus running(long step) {
        return new RunStatus(State.RUNNING, step, null);
    }

    public static RunStatus completed(long step) {
        return new RunStatus(State.COMPLETED, step, null);
    }

    /** Ended at {@code step} because its row met a stop condition; {@code why} says which. */
    public static RunStatus stopped(long step, String why) {
        return new RunStatus(State.STOPPED, step, why);
    }

    public static RunStatus diverged(long step, String why) {
        return new RunStatus(State.DIVERGED, step, why);
    }

    public static RunStatus failed(long step, String error) {
        return new RunStatus(State.FAILED, step, error);
    }

    /** Stopped at {@code step} by a signal (or its parent's end); {@code message} says how to resume. */
    public static RunStatus interrupted(long step, String message) {
        return new RunStatus(State.INTERRUPTED, step, message);
    }
}
