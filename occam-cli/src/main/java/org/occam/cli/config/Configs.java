package org.occam.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loading configs: YAML file → overrides → checked {@link ExperimentConfig} ({@link #load},
 * {@link #parse}) or, for what {@code ./occam train} accepts, either kind of {@link RunConfig}
 * ({@link #loadRun}, {@link #parseRun}: a config with a top-level {@code game:} section is a
 * {@link GameConfig}).
 */
public final class Configs {
    private Configs() {
    }

    /**
     * Reads and checks a config file. The default run name is the file name without extension;
     * relative paths inside are resolved against the file's folder. Every message starts with the
     * file's path: {@code exp.yaml: train.batch_size: must be a positive integer, got -3}.
     */
    public static ExperimentConfig load(Path file, List<String> overrides) {
        return load(file, overrides, ConfigReader::read);
    }

    /** As {@link #load}, for either kind of config. */
    public static RunConfig loadRun(Path file, List<String> overrides) {
        return load(file, overrides, ConfigReader::readRun);
    }

    /** Reads a checked config from a parsed tree, a default name and the folder relative paths resolve against. */
    private interface Reader<C> {
        C read(JsonNode tree, String defaultName, Path baseDir);
    }

    private static <C> C load(Path file, List<String> overrides, Reader<C> reader) {
        String text;
        try {
            text = Yaml.readFile(file, "config");
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        String base = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        JsonNode tree = Yaml.parse(text, file.toString());
        try {
            return resolve(tree, base, file.toAbsolutePath().getParent(), overrides, reader);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and checks YAML text; validation messages carry no source prefix (YAML syntax errors do). */
    public static ExperimentConfig parse(String yaml, String source, String defaultName, Path baseDir, List<String> overrides) {
        return resolve(Yaml.parse(yaml, source), defaultName, baseDir, overrides, ConfigReader::read);
    }

    /** As {@link #parse}, for either kind of config. */
    public static RunConfig parseRun(String yaml, String source, String defaultName, Path baseDir, List<String> overrides) {
        return resolve(Yaml.parse(yaml, source), defaultName, baseDir, overrides, ConfigReader::readRun);
    }

    private static <C> C resolve(JsonNode tree, String defaultName, Path baseDir, List<String> overrides, Reader<C> reader) {
        if (!overrides.isEmpty()) {
            if (tree.isMissingNode() || tree.isNull()) {
                tree = JsonNodeFactory.instance.objectNode();
            }
            if (!(tree instanceof ObjectNode o)) {
                throw new ConfigException("config: must be a mapping of sections, got " + Node.describe(tree));
            }
            tree = Overrides.apply(o, overrides);
        }
        return reader.read(tree, defaultName, baseDir);
    }
}
