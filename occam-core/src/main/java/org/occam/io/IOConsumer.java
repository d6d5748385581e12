package org.occam.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}, such as the writer handed to
 * {@link AtomicFiles#write(java.nio.file.Path, IOConsumer)}.
 *
 * @param <T> the type of the value consumed
 */
@FunctionalInterface
public interface IOConsumer<T> {
    /**
     * Consumes the value.
     *
     * @param value the value to consume
     * @throws IOException when consuming it fails
     */
    void accept(T value) throws IOException;
}
