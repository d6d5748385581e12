package org.occam.cli;

/**
 * A command failed while running (not because of its input): the CLI prints the message as one
 * line {@code occam: …} and exits 1. The message names what failed and what to try.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its one-line message. */
    public CommandFailure(String message) {
        super(message);
    }

    /** A failure with its one-line message and its cause (shown with --debug). */
    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
