package org.occam.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * A position in a parsed YAML tree with its field path ({@code train}, {@code regularizers[0]}),
 * so that every error can say where it is. Null values count as absent (YAML {@code key: ~}).
 *
 * @param path the path of this node, empty at the top level
 * @param json the node itself (never null; a missing field is Jackson's MissingNode)
 */
public record Node(String path, JsonNode json) {

    /** The top of a document. */
    public static Node root(JsonNode json) {
        return new Node("", json);
    }

    /** The path of one of this node's fields. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** "at top level" or "in train", for messages about this node's fields. */
    public String where() {
        return path.isEmpty() ? "at top level" : "in " + path;
    }

    /** The field {@code key} (MissingNode when absent). */
    public Node get(String key) {
        JsonNode v = json.isObject() ? json.get(key) : null;
        return new Node(pathOf(key), v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v);
    }

    /** Whether the field is present and not null. */
    public boolean has(String key) {
        return json.isObject() && json.hasNonNull(key);
    }

    /** Whether this node is absent or null. */
    public boolean absent() {
        return json.isMissingNode() || json.isNull();
    }

    /** Requires a mapping; {@code what} describes what was expected in the message. */
    public Node requireMapping(String what) {
        if (!json.isObject()) {
            throw error("must be a mapping (" + what + "), got " + describe(json));
        }
        return this;
    }

    /** Rejects fields outside {@code allowed}: {@code unknown field 'modle' at top level; allowed: model, data, ...}. */
    public void allowOnly(Collection<String> allowed) {
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!allowed.contains(f)) {
                throw new ConfigException("unknown field '" + f + "' " + where() + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    /** The elements of a list, each with its indexed path. */
    public List<Node> elements() {
        if (!json.isArray()) {
            throw error("must be a list, got " + describe(json));
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            out.add(new Node(path + "[" + i + "]", json.get(i)));
        }
        return out;
    }

    /** An error about this node: {@code path: message}. */
    public ConfigException error(String message) {
        return new ConfigException((path.isEmpty() ? "config" : path) + ": " + message);
    }

    /** How a value reads in a message: numbers and booleans as written, strings quoted, else its kind. */
    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return "'" + v.asText() + "'";
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
