package org.occam.data;

import java.util.Optional;

/**
 * A data set could not be read, found, verified or fetched. The message names the file (and line
 * or field where there is one); when a command fixes the problem, {@link #fixCommand()} holds it
 * and the message ends with it.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String fixCommand;

    public DataException(String message) {
        this(message, null, null);
    }

    public DataException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** A failure that {@code fixCommand} repairs; the message is followed by "run: fixCommand". */
    public DataException(String message, String fixCommand, Throwable cause) {
        super(fixCommand == null ? message : message + "; to fix it, run: " + fixCommand, cause);
        this.fixCommand = fixCommand;
    }

    /** The shell command that repairs this problem, if one does. */
    public Optional<String> fixCommand() {
        return Optional.ofNullable(fixCommand);
    }
}
