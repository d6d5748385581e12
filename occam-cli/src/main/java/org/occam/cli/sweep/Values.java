package org.occam.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading values of a sweep file: numbers (YAML 1.1 leaves 1e-4 a string), integers, and how a value reads in messages and tables. */
final class Values {
    private Values() {
    }

    /** A number, or null: numeric nodes and strings that read as a Java double. */
    static Double number(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            String s = v.asText().trim();
            if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                return Double.parseDouble(s);
            }
        }
        return null;
    }

    /** An integer, or null: integral numbers, and floating ones with an integral value (1e3). */
    static Long integral(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        Double d = number(v);
        if (d != null && d == Math.rint(d) && Math.abs(d) < 9e15) {
            return (long) d.doubleValue();
        }
        return null;
    }

    /** A value as messages show it: scalars as written, lists and mappings as flow YAML/JSON. */
    static String show(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "nothing";
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (v.isArray()) {
            v.forEach(e -> parts.add(show(e)));
            return "[" + String.join(", ", parts) + "]";
        }
        v.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + show(e.getValue())));
        return "{" + String.join(", ", parts) + "}";
    }

    /** A value as a results.csv cell: scalars as written (numbers exactly), containers as JSON. */
    static String cell(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
