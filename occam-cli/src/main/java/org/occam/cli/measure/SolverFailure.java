package org.occam.cli.measure;

/** An eigen-solver failed on the measured operator; the message says what to check (the command names the metric). */
public final class SolverFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its message and the solver's exception. */
    public SolverFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
