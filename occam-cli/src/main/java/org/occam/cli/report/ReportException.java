package org.occam.cli.report;

/** A run or sweep folder that cannot be reported on; the message names the file (and line) at fault. */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a message for the user. */
    public ReportException(String message) {
        super(message);
    }

    /** An error with a message for the user and its cause. */
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
