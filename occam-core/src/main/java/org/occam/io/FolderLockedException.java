package org.occam.io;

/**
 * A run or sweep folder that another process (or another thread of this one) holds: the message
 * names the folder and the holder, e.g. {@code runs/a is in use by pid 4711 on host since
 * 2026-01-01T10:00:00Z (./occam train); wait for it to end or stop it}. It is bad input for the
 * command that asked (exit 2), never a failure of the run that holds the folder.
 */
public final class FolderLockedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    FolderLockedException(String message) {
        super(message);
    }
}
