package org.occam.io;

import java.io.IOException;

/**
 * A file that exists and was read, but does not hold what it should (a truncated or garbled
 * safetensors file, say): bad input rather than an I/O failure. The message names the file and
 * what is wrong with it.
 */
public final class MalformedFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * A malformed file; {@code message} names it and the fault.
     *
     * @param message the file and what is wrong with it
     */
    public MalformedFileException(String message) {
        super(message);
    }
}
