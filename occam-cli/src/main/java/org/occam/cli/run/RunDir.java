package org.occam.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The folder of one run and the files in it:
 * <pre>
 *   config.yaml     the resolved config (overrides applied, defaults filled in)
 *   metrics.jsonl   one JSON object per metrics row, appended and flushed row by row
 *   metrics.csv     the same rows as CSV, written at the end (and by {@link MetricsCsv#export})
 *   checkpoints/    the latest checkpoint ({@link org.occam.train.CheckpointStore})
 *   status.json     running / completed / diverged / failed, with the step (written atomically)
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

    /** A new run folder: created if missing; an existing one must be empty. */
    public static RunDir create(Path root) {
        try {
            if (Files.exists(root.resolve("config.yaml"))) {
                throw new IllegalArgumentException(root + " already holds a run; continue it with ./occam train --resume "
                        + root + ", or choose another --out");
            }
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.list(root)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException(root + " is not empty; choose an empty or new folder with --out");
                    }
                }
            } else if (Files.exists(root)) {
                throw new IllegalArgumentException(root + " is a file, not a folder");
            }
            Files.createDirectories(root);
            return new RunDir(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + root + ": " + e.getMessage(), e);
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
