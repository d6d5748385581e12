package org.occam.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic file replacement: the content is written to a temporary file next to the target, flushed
 * to disk, then renamed over the target in one step. A reader (or a run killed mid-write) sees
 * either the old file or the complete new one, never a half-written file.
 *
 * <p>The temporary file is named {@code .<name>.<random>.tmp} in the target's directory (a rename
 * is only atomic within one file system). It is deleted when the writer fails; only a process
 * killed before the rename can leave one behind, and the target is untouched in that case.
 * Missing parent directories of the target are created.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically. {@code writer} receives the path of an empty temporary
     * file in the target's directory and must write the complete content to it (and close what it
     * opens). Then the temporary file is fsynced and moved over the target. If the writer throws,
     * the temporary file is removed, the target keeps its old content, and the exception propagates.
     *
     * @param target the file to create or replace
     * @param writer writes the whole content into the temporary path it is given
     * @throws IOException when the writer, the fsync or the move fails (the target is then unchanged)
     */
    public static void write(Path target, IOConsumer<Path> writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = createTemp(dir, abs.getFileName().toString());
        boolean done = false;
        try {
            writer.accept(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Same directory, so this is still a single rename on every common file system.
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            syncDirectory(dir);
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Writes a string as UTF-8, atomically.
     *
     * @param target the file to create or replace
     * @param content the text, written as UTF-8
     * @throws IOException when writing or moving fails (the target is then unchanged)
     */
    public static void writeString(Path target, String content) throws IOException {
        write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
    }

    /**
     * Writes bytes, atomically.
     *
     * @param target the file to create or replace
     * @param content the bytes
     * @throws IOException when writing or moving fails (the target is then unchanged)
     */
    public static void writeBytes(Path target, byte[] content) throws IOException {
        write(target, tmp -> Files.write(tmp, content));
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path tmp = dir.resolve("." + name + "." + suffix + ".tmp");
            try {
                // createFile (unlike createTempFile) keeps the default permissions of new files.
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Makes the rename itself durable where the platform allows syncing a directory (not Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file content itself is already on disk
        }
    }
}
