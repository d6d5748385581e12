package org.occam.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * YAML in and out, as Jackson trees only: documents are read into plain data (mappings, lists,
 * scalars) and never bound to arbitrary classes, so a config cannot execute code. Duplicate keys
 * are errors, and so are anchors and aliases ({@code &x}, {@code *x}: an alias would otherwise
 * read as the string "x"). Files over {@link #MAX_FILE_BYTES} are refused before they are read.
 */
public final class Yaml {
    private Yaml() {
    }

    /** The largest config or sweep file read: 1 MiB (a config holds settings; data goes in data files). */
    public static final long MAX_FILE_BYTES = 1L << 20;

    private static final LoaderOptions LOADER = loaderOptions();

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder().loaderOptions(LOADER).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit((int) MAX_FILE_BYTES);
        o.setMaxAliasesForCollections(0);
        o.setAllowRecursiveKeys(false);
        return o;
    }

    /**
     * The text of a config or sweep file, refused before reading when it is a folder or larger than
     * {@link #MAX_FILE_BYTES}; {@code kind} ("config", "sweep") names it in the message.
     */
    public static String readFile(Path file, String kind) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + ": is a directory; give a " + kind + " file (.yaml)");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new ConfigException(file + ": is " + size + " bytes, over the " + MAX_FILE_BYTES + "-byte (1 MiB) limit"
                    + " for " + kind + " files; a " + kind + " holds settings: put data in a data file (e.g. csv:PATH)");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Parses a document; an empty one gives MissingNode. {@code source} names it in errors. */
    public static JsonNode parse(String text, String source) {
        if (text.length() > MAX_FILE_BYTES) {
            throw new ConfigException(source + ": is " + text.length() + " characters, over the " + MAX_FILE_BYTES
                    + "-character (1 MiB) limit for YAML documents");
        }
        NoAliases.check(LOADER, text, source);
        try {
            JsonNode n = MAPPER.readTree(text);
            return n == null ? MissingNode.getInstance() : n;
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        }
    }

    /** Writes a tree as a YAML document. */
    public static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getMessage(), e);
        }
    }
}
