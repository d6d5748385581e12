package org.occam.cli.reproduce.command;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The report folder of a reproduction, created and checked before any computation, so a bad
 * {@code --out} (a file, or a place that cannot be written) costs nothing. {@link #discardIfEmpty}
 * removes the folders made here when the reproduction fails before writing into them.
 *
 * @param dir     the folder
 * @param created the topmost folder made here, or null when {@code dir} already existed
 */
record OutputFolder(Path dir, Path created) {

    /** Creates {@code dir} (and missing parents) and checks it can be written; errors name {@code option}. */
    static OutputFolder prepare(Path dir, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + ": is a file, not a folder; give a folder for the report");
        }
        Path top = null;
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            top = p;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + ": cannot create the folder (" + reason(e)
                    + "); give a folder you can write", e);
        }
        try {
            Files.delete(Files.createTempFile(dir, ".occam-write-check", ""));
        } catch (IOException e) {
            new OutputFolder(dir, top).discardIfEmpty();
            throw new IllegalArgumentException(option + " " + dir + ": cannot write into the folder (" + reason(e)
                    + "); give a folder you can write", e);
        }
        return new OutputFolder(dir, top);
    }

    /** Removes the folders that {@link #prepare} made, as long as nothing was written into them. */
    void discardIfEmpty() {
        if (created == null) {
            return;
        }
        for (Path p = dir.toAbsolutePath(); p != null && p.startsWith(created); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmpty) {
                return;
            }
        }
    }

    private static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied";
            case FileAlreadyExistsException a -> a.getFile() + " is a file";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
