package org.occam.cli.config;

/**
 * An invalid experiment config, found before any work starts. The message names the field path
 * and, where there is a fixed set, the allowed values, e.g.
 * {@code train.batch_size: must be a positive integer, got -3}.
 */
public final class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
