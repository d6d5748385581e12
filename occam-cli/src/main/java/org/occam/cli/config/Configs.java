package org.occam.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Loading experiment configs: YAML file → overrides → checked {@link ExperimentConfig}. */
public final class Configs {
    private Configs() {
    }

    /**
     * Reads and checks a config file. The default run name is the file name without extension;
     * relative paths inside are resolved against the file's folder. Every message starts with the
     * file's path: {@code exp.yaml: train.batch_size: must be a positive integer, got -3}.
     */
    public static ExperimentConfig load(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        String base = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        JsonNode tree = Yaml.parse(text, file.toString());
        try {
            return resolve(tree, base, file.toAbsolutePath().getParent(), overrides);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and checks YAML text; validation messages carry no source prefix (YAML syntax errors do). */
    public static ExperimentConfig parse(String yaml, String source, String defaultName, Path baseDir, List<String> overrides) {
        return resolve(Yaml.parse(yaml, source), defaultName, baseDir, overrides);
    }

    private static ExperimentConfig resolve(JsonNode tree, String defaultName, Path baseDir, List<String> overrides) {
        if (!overrides.isEmpty()) {
            if (tree.isMissingNode() || tree.isNull()) {
                tree = JsonNodeFactory.instance.objectNode();
            }
            if (!(tree instanceof ObjectNode o)) {
                throw new ConfigException("config: must be a mapping of sections, got " + Node.describe(tree));
            }
            tree = Overrides.apply(o, overrides);
        }
        return ConfigReader.read(tree, defaultName, baseDir);
    }
}
