package org.occam.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One field of a config schema: its name, kind, default and allowed range, and how to read and
 * check it. Reading gives a {@link Long} (integers), {@link Double} (numbers), {@link Boolean},
 * {@link String} (strings and choices) or {@code List<Long>} (integer lists), with the default when
 * the field is absent; a field without default is required.
 *
 * @param name         the YAML key
 * @param kind         what the value is
 * @param defaultValue the value when absent, or null when the field is required
 * @param min          smallest allowed value (numbers and integers)
 * @param max          largest allowed value
 * @param openMin      whether {@code min} itself is excluded (positive numbers)
 * @param openMax      whether {@code max} itself is excluded (momentum in [0, 1))
 * @param choices      the allowed strings of a {@link Kind#CHOICE}
 * @param doc          one line for help texts
 */
public record Param(String name, Kind kind, Object defaultValue, double min, double max, boolean openMin,
                    boolean openMax, List<String> choices, String doc) {

    /** Value kinds. */
    public enum Kind { INT, NUMBER, BOOL, CHOICE, STRING, INT_LIST }

    private static final double INF = Double.POSITIVE_INFINITY;

    public Param {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** An integer ≥ 1. */
    public static Param positiveInt(String name, Long def, String doc) {
        return new Param(name, Kind.INT, def, 1, Integer.MAX_VALUE, false, false, null, doc);
    }

    /** An integer ≥ 1 that may exceed the int range (step counts). */
    public static Param positiveLong(String name, Long def, String doc) {
        return new Param(name, Kind.INT, def, 1, Long.MAX_VALUE, false, false, null, doc);
    }

    /** An integer ≥ 0. */
    public static Param nonNegativeInt(String name, Long def, String doc) {
        return new Param(name, Kind.INT, def, 0, Integer.MAX_VALUE, false, false, null, doc);
    }

    /** An integer in [min, max]. */
    public static Param intIn(String name, Long def, long min, long max, String doc) {
        return new Param(name, Kind.INT, def, min, max, false, false, null, doc);
    }

    /** A finite number > 0. */
    public static Param positive(String name, Double def, String doc) {
        return new Param(name, Kind.NUMBER, def, 0, INF, true, false, null, doc);
    }

    /** A finite number ≥ 0. */
    public static Param nonNegative(String name, Double def, String doc) {
        return new Param(name, Kind.NUMBER, def, 0, INF, false, false, null, doc);
    }

    /** A finite number in [min, max]. */
    public static Param numberIn(String name, Double def, double min, double max, String doc) {
        return new Param(name, Kind.NUMBER, def, min, max, false, false, null, doc);
    }

    /** A number in [0, 1) (momentum and Adam betas). */
    public static Param belowOne(String name, Double def, String doc) {
        return new Param(name, Kind.NUMBER, def, 0, 1, false, true, null, doc);
    }

    /** true or false. */
    public static Param bool(String name, Boolean def, String doc) {
        return new Param(name, Kind.BOOL, def, 0, 0, false, false, null, doc);
    }

    /** One of a fixed set of strings. */
    public static Param choice(String name, String def, String doc, String... values) {
        return new Param(name, Kind.CHOICE, def, 0, 0, false, false, List.of(values), doc);
    }

    /** Any string. */
    public static Param string(String name, String def, String doc) {
        return new Param(name, Kind.STRING, def, 0, 0, false, false, null, doc);
    }

    /** A list of integers in [min, max], empty by default. */
    public static Param intList(String name, long min, long max, String doc) {
        return new Param(name, Kind.INT_LIST, List.of(), min, max, false, false, null, doc);
    }

    /** Reads this field of {@code parent}, applying the default and checking kind and range. */
    public Object read(Node parent) {
        Node field = parent.get(name);
        if (field.absent()) {
            if (defaultValue == null) {
                throw new ConfigException("missing field '" + name + "' " + parent.where() + "; expected " + expectation());
            }
            return defaultValue;
        }
        return check(field);
    }

    /** Checks a present value and converts it to its Java form. */
    public Object check(Node field) {
        JsonNode v = field.json();
        return switch (kind) {
            case INT -> {
                Long l = integral(v);
                if (l == null || l < min || l > max) {
                    throw mismatch(field);
                }
                yield l;
            }
            case NUMBER -> {
                Double d = number(v);
                if (d == null || !Double.isFinite(d) || d < min || d > max || (openMin && d == min) || (openMax && d == max)) {
                    throw mismatch(field);
                }
                yield d;
            }
            case BOOL -> {
                if (!v.isBoolean()) {
                    throw mismatch(field);
                }
                yield v.booleanValue();
            }
            case CHOICE -> {
                String s = v.isValueNode() ? v.asText() : null;
                if (s == null || !choices.contains(s)) {
                    throw field.error("unknown value " + (s == null ? Node.describe(v) : "'" + s + "'")
                            + "; allowed: " + String.join(", ", choices));
                }
                yield s;
            }
            case STRING -> {
                if (!v.isTextual()) {
                    throw mismatch(field);
                }
                yield v.asText();
            }
            case INT_LIST -> {
                if (!v.isArray()) {
                    throw mismatch(field);
                }
                List<Long> out = new ArrayList<>();
                for (JsonNode e : v) {
                    Long l = integral(e);
                    if (l == null || l < min || l > max) {
                        throw mismatch(field);
                    }
                    out.add(l);
                }
                yield List.copyOf(out);
            }
        };
    }

    private ConfigException mismatch(Node field) {
        String got = kind == Kind.INT_LIST && field.json().isArray() ? field.json().toString() : Node.describe(field.json());
        return field.error("must be " + expectation() + ", got " + got);
    }

    /** What a valid value looks like, e.g. "a positive integer", "a number in [0, 1]". */
    public String expectation() {
        return switch (kind) {
            case INT -> intExpectation("an integer");
            case NUMBER -> {
                if (min == 0 && max == INF) {
                    yield openMin ? "a positive number" : "a non-negative number";
                }
                if (min == Double.NEGATIVE_INFINITY && max == INF) {
                    yield "a number";
                }
                if (max == INF) {
                    yield "a number " + (openMin ? "> " : ">= ") + fmt(min);
                }
                yield "a number in " + (openMin ? "(" : "[") + fmt(min) + ", " + fmt(max) + (openMax ? ")" : "]");
            }
            case BOOL -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case STRING -> "a string";
            case INT_LIST -> max >= Integer.MAX_VALUE
                    ? (min == 0 ? "a list of non-negative integers" : "a list of integers >= " + fmt(min))
                    : "a list of integers in [" + fmt(min) + ", " + fmt(max) + "]";
        };
    }

    private String intExpectation(String plain) {
        if (max >= Integer.MAX_VALUE) {
            if (min == 1) {
                return "a positive integer";
            }
            if (min == 0) {
                return "a non-negative integer";
            }
            return plain + " >= " + fmt(min);
        }
        return plain + " in [" + fmt(min) + ", " + fmt(max) + "]";
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** An integer value, or null: integral numbers, and floating ones with an integral value (1e3). */
    static Long integral(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < 9e15) {
            return (long) v.doubleValue();
        }
        return null;
    }

    /** A number, or null: numeric nodes and strings that read as a Java double (YAML 1.1 leaves "1e-4" a string). */
    static Double number(JsonNode v) {
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
}
