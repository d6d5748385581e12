package org.occam.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * {@code --set a.b=value} overrides, applied to the parsed tree before validation, so an override
 * is checked like any other field. The value is read as YAML ({@code 0.1}, {@code true},
 * {@code [0, 1]}, {@code {name: l2, coef: 1e-4}}; anything else is a string); {@code null}
 * removes the field. Path segments are mapping keys, or list indices ({@code regularizers.0.coef});
 * missing mappings on the way are created, and shorthands on the way are expanded to their long
 * form ({@link Shorthands}: {@code lr: 0.1} takes {@code --set lr.warmup=100}).
 */
public final class Overrides {
    private Overrides() {
    }

    /** Applies the overrides in order to {@code root} (changed in place) and returns it. */
    public static ObjectNode apply(ObjectNode root, List<String> sets) {
        for (String s : sets) {
            apply(root, s);
        }
        return root;
    }

    private static void apply(ObjectNode root, String set) {
        int eq = set.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set expects KEY=VALUE (e.g. train.steps=100), got '" + set + "'");
        }
        String key = set.substring(0, eq).trim();
        JsonNode value = value(set.substring(eq + 1));
        String[] path = key.split("\\.", -1);
        JsonNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            parent = step(parent, path, i, set);
        }
        String last = path[path.length - 1];
        if (last.isEmpty()) {
            throw new ConfigException("--set " + set + ": empty key segment in '" + key + "'");
        }
        if (parent instanceof ObjectNode o) {
            if (value.isNull()) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        } else {
            ArrayNode a = (ArrayNode) parent;
            int idx = index(a, last, set);
            if (value.isNull()) {
                a.remove(idx);
            } else {
                a.set(idx, value);
            }
        }
    }

    private static JsonNode step(JsonNode parent, String[] path, int i, String set) {
        String seg = path[i];
        if (seg.isEmpty()) {
            throw new ConfigException("--set " + set + ": empty key segment");
        }
        String at = String.join(".", java.util.Arrays.copyOf(path, i + 1));
        if (parent instanceof ObjectNode o) {
            JsonNode child = o.get(seg);
            if (child == null || child.isNull()) {
                return o.putObject(seg);
            }
            ObjectNode longForm = Shorthands.expand(seg, i == 0, child);
            if (longForm != null) {
                o.set(seg, longForm);
                return longForm;
            }
            if (!child.isContainerNode()) {
                throw new ConfigException("--set " + set + ": '" + at + "' is " + Node.describe(child)
                        + " in the config, not a mapping or list");
            }
            return child;
        }
        ArrayNode a = (ArrayNode) parent;
        int idx = index(a, seg, set);
        JsonNode child = a.get(idx);
        ObjectNode longForm = Shorthands.expand(null, false, child);
        if (longForm != null) {
            a.set(idx, longForm);
            return longForm;
        }
        if (!child.isContainerNode()) {
            throw new ConfigException("--set " + set + ": '" + at + "' is " + Node.describe(child)
                    + " in the config, not a mapping or list");
        }
        return child;
    }

    private static int index(ArrayNode a, String seg, String set) {
        try {
            int i = Integer.parseInt(seg);
            if (i >= 0 && i < a.size()) {
                return i;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new ConfigException("--set " + set + ": '" + seg + "' is not an index of a list of " + a.size() + " entries");
    }

    /** The value as YAML, or as a plain string when it does not read as YAML. */
    static JsonNode value(String text) {
        if (text.isBlank()) {
            return TextNode.valueOf(text);
        }
        try {
            JsonNode n = Yaml.parse(text, "--set value");
            return n.isMissingNode() ? JsonNodeFactory.instance.nullNode() : n;
        } catch (ConfigException e) {
            return TextNode.valueOf(text);
        }
    }
}
