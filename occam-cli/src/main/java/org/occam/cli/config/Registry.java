package org.occam.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names mapped to factories, each with the schema of the parameters it accepts, so that a config
 * entry such as {@code {name: l2, coef: 1e-4}} is checked (unknown name, unknown parameter, wrong
 * type, out of range) before any work starts, with the same messages everywhere.
 *
 * <p>Configs never execute code: a name can only select a factory registered here in Java.
 *
 * <p>An entry is written as a mapping with {@code name} and its parameters, or as a bare name
 * ({@code optimizer: adam}) when every parameter has a default.
 *
 * @param <C> what a factory needs at build time (see {@link BuildContext})
 * @param <T> what it builds
 */
public final class Registry<C, T> {

    /** Builds the object from checked parameters. */
    @FunctionalInterface
    public interface Factory<C, T> {
        T create(ComponentConfig config, C context);
    }

    /** One registered name. */
    public record Entry<C, T>(String name, String doc, List<Param> params, Factory<C, T> factory) {
        public Entry {
            params = List.copyOf(params);
        }
    }

    private static final com.fasterxml.jackson.databind.JsonNode EMPTY =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    private final String kind;
    private final Map<String, Entry<C, T>> entries = new LinkedHashMap<>();

    /** @param kind what the entries are, for messages ("optimizer", "regularizer") */
    public Registry(String kind) {
        this.kind = kind;
    }

    /** Adds an entry; a name can be registered once. Returns this registry, for chaining. */
    public synchronized Registry<C, T> register(String name, String doc, List<Param> params, Factory<C, T> factory) {
        if (entries.containsKey(name)) {
            throw new IllegalStateException(kind + " '" + name + "' is registered twice");
        }
        for (Param p : params) {
            if (p.name().equals("name")) {
                throw new IllegalStateException(kind + " '" + name + "': 'name' cannot be a parameter");
            }
        }
        entries.put(name, new Entry<>(name, doc, params, factory));
        return this;
    }

    /** The registered names, in registration order. */
    public synchronized List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** The entry of a name, or null. */
    public synchronized Entry<C, T> entry(String name) {
        return entries.get(name);
    }

    /** Reads and checks one entry (a mapping with {@code name}, or a bare name). */
    public ComponentConfig read(Node node) {
        if (node.json().isTextual()) {
            Entry<C, T> e = lookup(node, node.json().asText());
            return new ComponentConfig(e.name(), readParams(e, new Node(node.path(), EMPTY)));
        }
        if (!node.json().isObject()) {
            throw node.error("must be a " + kind + " name or a mapping with 'name' and its parameters, got "
                    + Node.describe(node.json()));
        }
        if (!node.has("name")) {
            throw new ConfigException("missing field 'name' " + node.where() + "; expected one of " + String.join(", ", names()));
        }
        Node nameNode = node.get("name");
        if (!nameNode.json().isTextual()) {
            throw nameNode.error("unknown value " + quoted(nameNode) + "; allowed: " + String.join(", ", names()));
        }
        Entry<C, T> e = lookup(nameNode, nameNode.json().asText());
        List<String> allowed = new ArrayList<>();
        allowed.add("name");
        e.params().forEach(p -> allowed.add(p.name()));
        node.allowOnly(allowed);
        return new ComponentConfig(e.name(), readParams(e, node));
    }

    /** The entry's defaults, as if written with its name only. */
    public ComponentConfig defaults(String name) {
        Entry<C, T> e = entry(name);
        if (e == null) {
            throw new IllegalArgumentException("no " + kind + " '" + name + "'");
        }
        return new ComponentConfig(name, readParams(e, Node.root(EMPTY)));
    }

    /** Builds the object of a checked entry. */
    public T create(ComponentConfig config, C context) {
        Entry<C, T> e = entry(config.name());
        if (e == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + config.name() + "'; allowed: "
                    + String.join(", ", names()));
        }
        return e.factory().create(config, context);
    }

    private Entry<C, T> lookup(Node at, String name) {
        Entry<C, T> e = entry(name);
        if (e == null) {
            throw at.error("unknown value '" + name + "'; allowed: " + String.join(", ", names()));
        }
        return e;
    }

    private static Map<String, Object> readParams(Entry<?, ?> e, Node node) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : e.params()) {
            values.put(p.name(), p.read(node));
        }
        return values;
    }

    private static String quoted(Node n) {
        return n.json().isValueNode() ? "'" + n.json().asText() + "'" : Node.describe(n.json());
    }
}
