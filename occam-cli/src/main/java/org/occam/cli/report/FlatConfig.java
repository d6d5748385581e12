package org.occam.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML config as flat {@code dotted.path → value} pairs ({@code train.lr → 0.1},
 * {@code regularizers[0].name → igr}); lists of plain values stay whole ({@code model.widths →
 * [64, 64]}). Used to find what differs between the runs of a sweep that has no results.csv.
 */
final class FlatConfig {
    private FlatConfig() {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The flattened config, or an empty map when the file is missing. */
    static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            flatten("", YAML.readTree(file.toFile()), out);
        } catch (IOException e) {
            throw new ReportException(file + ": not valid YAML (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static void flatten(String path, JsonNode n, Map<String, String> out) {
        if (n == null || n.isMissingNode()) {
            return;
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray() && hasContainers(n)) {
            for (int i = 0; i < n.size(); i++) {
                flatten(path + "[" + i + "]", n.get(i), out);
            }
        } else if (n.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < n.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(n.get(i).asText());
            }
            out.put(path, b.append(']').toString());
        } else {
            out.put(path, n.isNull() ? "null" : n.asText());
        }
    }

    private static boolean hasContainers(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isContainerNode()) {
                return true;
            }
        }
        return false;
    }
}
