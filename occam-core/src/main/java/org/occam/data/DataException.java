package org.occam.data;

import java.util.Optional;

/**
 * A data set could not be read, found, verified or fetched. The message names the file (and line
 * or field where there is one); when a command fixes the problem, {@link #fixCommand()} holds it
 * and the message ends with it.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The command that repairs the problem, or null. */
    private final String fixCommand;

    /**
     * A failure without a repair command.
     *
     * @param message what is wrong, naming the file or data set
     */
    public DataException(String message) {
        this(message, null, null);
    }

    /**
     * A failure without a repair command, with its cause.
     *
     * @param message what is wrong, naming the file or data set
     * @param cause the underlying error
     */
    public DataException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * A failure that {@code fixCommand} repairs; the message is followed by "run: fixCommand".
     *
     * @param message what is wrong, naming the file or data set
     * @param fixCommand the command that repairs it, or null
     * @param cause the underlying error, or null
     */
    public DataException(String message, String fixCommand, Throwable cause) {
        super(fixCommand == null ? message : message + "; to fix it, run: " + fixCommand, cause);
        this.fixCommand = fixCommand;
    }

    /**
     * The shell command that repairs this problem, if one does.
     *
     * @return the command, or empty
     */
    public Optional<String> fixCommand() {
        return Optional.ofNullable(fixCommand);
    }
}
