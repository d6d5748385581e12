package org.occam.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.occam.io.FolderLock;

/**
 * The folder of one run and the files in it:
 * <pre>
 *   config.yaml     the resolved config (overrides applied, defaults filled in)
 *   metrics.jsonl   one JSON object per metrics row, appended and flushed row by row
 *   metrics.csv     the same rows as CSV, written at the end (and by {@link MetricsCsv#export})
 *   checkpoints/    the latest checkpoints ({@link org.occam.train.CheckpointStore}: the newest 3 by default)
 *   status.json     running / completed / diverged / failed / interrupted, with the step (written atomically)
 *   .lock           held by the process working on the run ({@link FolderLock}): pid, host, start time
 *   run.log         what happened, with times
 * </pre>
 *
 * @param root the folder
 */
public record RunDir(Path root) {

    public Path config() {
        return root.resolve("config.yaml");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path metricsCsv() {
        return root.resolve("metrics.csv");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path status() {
        return root.resolve("status.json");
    }

    public Path log() {
        return root.resolve("run.log");
    }

    /**
     * Checks, before the folder is locked, that {@code root} can become a new run folder: missing, or an
     * empty folder (a lock file of an earlier attempt aside). {@link #create} checks again under the lock.
     */
    public static void requireCreatable(Path root) {
        try {
            requireEmpty(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run folder " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new run folder: created if missing; an existing one must be empty but for its {@code .lock}.
     * Call it while holding the folder's {@link FolderLock}, so two starters cannot both find it free.
     */
    public static RunDir create(Path root) {
        try {
            requireEmpty(root);
            Files.createDirectories(root);
            return new RunDir(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + root + ": " + e.getMessage(), e);
        }
    }

    private static void requireEmpty(Path root) throws IOException {
        if (Files.exists(root.resolve("config.yaml"))) {
            throw new IllegalArgumentException(root + " already holds a run; continue it with ./occam train --resume "
                    + root + ", or choose another --out");
        }
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.list(root)) {
                if (s.anyMatch(p -> !p.getFileName().toString().equals(FolderLock.FILE))) {
                    throw new IllegalArgumentException(root + " is not empty; choose an empty or new folder with --out");
                }
            }
        } else if (Files.exists(root)) {
            throw new IllegalArgumentException(root + " is a file, not a folder");
        }
    }

    /** An existing run folder (it has a config.yaml). */
    public static RunDir existing(Path root) {
        if (!Files.isRegularFile(root.resolve("config.yaml"))) {
            throw new IllegalArgumentException(root + " is not a run folder (it has no config.yaml)");
        }
        return new RunDir(root);
    }
}
