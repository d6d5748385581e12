package org.occam.train;

/** How a run stands or ended: running, completed, stopped early by a {@link StopCondition}, diverged at a step, or failed with an error. */
public record RunStatus(State state, long step, String message) {

    /** The states a run can be in. */
    public enum State { RUNNING, COMPLETED, DIVERGED, FAILED, STOPPED }

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
}
