package org.occam.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The long forms of the shorthands a config may use, so that {@code --set lr.base=0.2} works on a
 * file that says {@code lr: 0.1}: {@code model: SPEC} is {@code {spec: SPEC}}, {@code data: SPEC}
 * is {@code {train: SPEC}}, {@code lr: 0.1} is {@code {name: constant, base: 0.1}}, and a bare
 * name ({@code optimizer: adam}, a list entry {@code l2}) is {@code {name: ...}}.
 */
final class Shorthands {
    private Shorthands() {
    }

    /**
     * The mapping a scalar stands for at {@code key} (the field name, or null for a list entry), or
     * null when there is no such shorthand.
     */
    static ObjectNode expand(String key, boolean topLevel, JsonNode scalar) {
        if (!scalar.isValueNode()) {
            return null;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (key == null) {
            return o.set("name", scalar);
        }
        if (!topLevel) {
            return null;
        }
        return switch (key) {
            case "model" -> o.set("spec", scalar);
            case "data" -> o.set("train", scalar);
            case "optimizer" -> o.set("name", scalar);
            case "lr" -> Param.number(scalar) != null ? o.put("name", "constant").set("base", scalar) : o.set("name", scalar);
            default -> null;
        };
    }
}
