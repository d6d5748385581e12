package org.occam.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.cli.config.ConfigException;
import org.occam.cli.config.ConfigReader;
import org.occam.cli.config.Node;
import org.occam.cli.config.Overrides;
import org.occam.cli.config.Param;
import org.occam.cli.config.RunConfig;
import org.occam.cli.config.Yaml;

/**
 * Reads and checks a sweep file and expands it into its runs ({@link Sweep}). A sweep is a base
 * config plus axes, each axis a config key in {@code --set} form:
 * <pre>
 * name: lr-batch                       # default: the file name
 * base: ../digits_mlp_sgd.yaml         # a config file (relative to this file) or an inline mapping
 * grid:                                # every combination; the first axis varies slowest
 *   lr: [0.05, 0.1, 0.2]
 *   train.batch_size: [16, 64]
 * random:                              # count points, drawn with seed, crossed with the grid
 *   count: 4
 *   seed: 0
 *   axes:
 *     regularizers.0.coef: {log_uniform: [1e-4, 1e-2]}   # also uniform, int_uniform, choice
 * seeds: [0, 1]                        # the config's seed, innermost
 * </pre>
 * Every run's config is checked before any work, and a problem is reported with the sweep field
 * that caused it: {@code grid.lr[2]: lr: must be a positive number, got -1}.
 */
public final class SweepFile {
    private SweepFile() {
    }

    /** The top-level fields of a sweep file. */
    public static final List<String> FIELDS = List.of("name", "base", "grid", "random", "seeds");
    static final List<String> RANDOM_FIELDS = List.of("count", "seed", "axes");

    /**
     * Reads a sweep file; {@code sets} override fields of the base config (as {@code ./occam train
     * --set} does) before the axes are applied. Messages start with the file's path.
     */
    public static Sweep load(Path file, List<String> sets) {
        String text;
        try {
            text = Yaml.readFile(file, "sweep");
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such sweep file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        JsonNode tree = Yaml.parse(text, file.toString());
        try {
            return read(tree, name, file.toAbsolutePath().getParent(), sets);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses sweep YAML; relative paths resolve against {@code dir}. Messages carry no file prefix. */
    public static Sweep parse(String yaml, String source, String defaultName, Path dir, List<String> sets) {
        return read(Yaml.parse(yaml, source), defaultName, dir, sets);
    }

    static Sweep read(JsonNode root, String defaultName, Path dir, List<String> sets) {
        Node top = Node.root(root);
        if (top.absent() || (root.isObject() && root.isEmpty())) {
            throw new ConfigException("sweep: is empty; expected a mapping with base and grid, random or seeds");
        }
        if (!root.isObject()) {
            throw new ConfigException("sweep: must be a mapping (" + String.join(", ", FIELDS) + "), got " + Node.describe(root));
        }
        top.allowOnly(FIELDS);
        String name = (String) Param.string("name", defaultName, "sweep name").read(top);
        if (name.isBlank()) {
            throw top.get("name").error("must not be empty");
        }
        Base base = base(top, dir);
        ObjectNode baseTree = base.tree;
        if (!sets.isEmpty()) {
            baseTree = Overrides.apply(baseTree, sets);
        }

        List<Axis> grid = grid(top.get("grid"));
        List<Axis> random = new ArrayList<>();
        long count = 1;
        long seed = 0;
        Node r = top.get("random");
        if (!r.absent()) {
            r.requireMapping(String.join(", ", RANDOM_FIELDS));
            r.allowOnly(RANDOM_FIELDS);
            count = (Long) Param.positiveInt("count", null, "points to draw").read(r);
            seed = (Long) Param.intIn("seed", 0L, 0, Long.MAX_VALUE, "seed of the draws").read(r);
            Node axes = r.get("axes");
            if (axes.absent()) {
                throw new ConfigException("missing field 'axes' in random; expected a mapping of config keys to distributions"
                        + " such as lr: {log_uniform: [0.01, 1]}");
            }
            if (!axes.json().isObject() || axes.json().isEmpty()) {
                throw axes.error("must be a non-empty mapping of config keys to distributions, got " + Node.describe(axes.json()));
            }
            for (Iterator<String> it = axes.json().fieldNames(); it.hasNext(); ) {
                String key = it.next();
                checkKey(axes, key);
                random.add(new Axis(key, axes.pathOf(key), List.of(), distribution(axes.get(key))));
            }
        }
        Axis seeds = seeds(top.get("seeds"));

        List<Axis> all = new ArrayList<>(grid);
        all.addAll(random);
        if (seeds != null) {
            all.add(seeds);
        }
        Map<String, Axis> seen = new LinkedHashMap<>();
        for (Axis a : all) {
            Axis before = seen.putIfAbsent(a.key(), a);
            if (before != null) {
                throw new ConfigException(a.where() + ": " + a.key() + " is already swept by " + before.where()
                        + "; sweep each field in one place");
            }
        }
        List<Sweep.Run> runs = expand(baseTree, base, grid, random, count, seed, seeds);
        return new Sweep(name, baseTree, base.dir, base.file, all, runs);
    }

    /** The base config: its tree (a copy the sweep may change), folder and file. */
    private record Base(ObjectNode tree, Path dir, Path file) {
    }

    private static Base base(Node top, Path dir) {
        if (!top.has("base")) {
            throw new ConfigException("missing field 'base' at top level; expected a config file path or an inline config mapping");
        }
        Node b = top.get("base");
        if (b.json().isObject()) {
            return new Base(((ObjectNode) b.json()).deepCopy(), dir, null);
        }
        if (!b.json().isTextual() || b.json().asText().isBlank()) {
            throw b.error("must be a config file path or an inline config mapping, got " + Node.describe(b.json()));
        }
        Path file = dir.resolve(b.json().asText()).normalize();
        String text;
        try {
            text = Yaml.readFile(file, "config");
        } catch (NoSuchFileException e) {
            throw b.error("no such config file " + file);
        } catch (IOException e) {
            throw b.error("cannot read " + file + ": " + e.getMessage());
        }
        JsonNode tree = Yaml.parse(text, file.toString());
        if (!tree.isObject()) {
            throw b.error(file + " must hold a mapping of config sections, got " + Node.describe(tree));
        }
        return new Base((ObjectNode) tree, file.getParent(), file);
    }

    private static List<Axis> grid(Node g) {
        List<Axis> out = new ArrayList<>();
        if (g.absent()) {
            return out;
        }
        g.requireMapping("config keys and their lists of values, e.g. lr: [0.05, 0.1]");
        for (Iterator<String> it = g.json().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            checkKey(g, key);
            Node v = g.get(key);
            if (!v.json().isArray() || v.json().isEmpty()) {
                throw v.error("must be a non-empty list of values, got " + Node.describe(v.json()));
            }
            List<JsonNode> values = new ArrayList<>();
            v.json().forEach(values::add);
            out.add(new Axis(key, v.path(), values, null));
        }
        return out;
    }

    private static void checkKey(Node parent, String key) {
        for (String seg : key.split("\\.", -1)) {
            if (seg.isEmpty()) {
                throw parent.get(key).error("is not a config key: empty segment (keys look like lr, train.batch_size,"
                        + " regularizers.0.coef)");
            }
        }
    }

    static Distribution distribution(Node n) {
        String allowed = String.join(", ", Distribution.NAMES);
        if (!n.json().isObject() || n.json().size() != 1) {
            throw n.error("must be a mapping with one distribution (" + allowed + "), got "
                    + (n.json().isObject() ? n.json().size() + " entries" : Node.describe(n.json())));
        }
        String kind = n.json().fieldNames().next();
        Node args = n.get(kind);
        JsonNode a = args.json();
        switch (kind) {
            case "uniform", "log_uniform" -> {
                Double lo = a.isArray() && a.size() == 2 ? Values.number(a.get(0)) : null;
                Double hi = a.isArray() && a.size() == 2 ? Values.number(a.get(1)) : null;
                boolean log = kind.equals("log_uniform");
                if (lo == null || hi == null || !Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi || (log && !(lo > 0))) {
                    throw args.error("must be [low, high] with " + (log ? "0 < low <= high" : "low <= high") + ", got "
                            + Values.show(a));
                }
                return log ? new Distribution.LogUniform(lo, hi) : new Distribution.Uniform(lo, hi);
            }
            case "int_uniform" -> {
                Long lo = a.isArray() && a.size() == 2 ? Values.integral(a.get(0)) : null;
                Long hi = a.isArray() && a.size() == 2 ? Values.integral(a.get(1)) : null;
                if (lo == null || hi == null || lo > hi || hi - lo < 0 || hi - lo == Long.MAX_VALUE) {
                    throw args.error("must be [low, high] with integers low <= high, got " + Values.show(a));
                }
                return new Distribution.IntUniform(lo, hi);
            }
            case "choice" -> {
                if (!a.isArray() || a.isEmpty()) {
                    throw args.error("must be a non-empty list of values, got " + Values.show(a));
                }
                List<JsonNode> values = new ArrayList<>();
                a.forEach(values::add);
                return new Distribution.Choice(values);
            }
            default -> throw n.error("unknown distribution '" + kind + "'; allowed: " + allowed);
        }
    }

    private static Axis seeds(Node s) {
        if (s.absent()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Long> seeds = (List<Long>) Param.intList("seeds", 0, Long.MAX_VALUE, "seeds").check(s);
        if (seeds.isEmpty()) {
            throw s.error("must not be empty (leave it out to keep the base config's seed)");
        }
        List<JsonNode> values = new ArrayList<>();
        seeds.forEach(x -> values.add(com.fasterxml.jackson.databind.node.LongNode.valueOf(x)));
        return new Axis("seed", "seeds", values, null);
    }

    /** Grid points (first axis slowest) × random points × seeds, each checked as a whole config. */
    private static List<Sweep.Run> expand(ObjectNode baseTree, Base base, List<Axis> grid, List<Axis> random,
            long count, long seed, Axis seeds) {
        List<List<Pick>> gridPoints = new ArrayList<>();
        gridPoints.add(List.of());
        for (Axis a : grid) {
            List<List<Pick>> next = new ArrayList<>();
            for (List<Pick> p : gridPoints) {
                for (int i = 0; i < a.values().size(); i++) {
                    List<Pick> q = new ArrayList<>(p);
                    q.add(new Pick(a, a.values().get(i), a.where() + "[" + i + "]"));
                    next.add(q);
                }
            }
            gridPoints = next;
        }
        List<List<Pick>> randomPoints = new ArrayList<>();
        if (random.isEmpty()) {
            randomPoints.add(List.of());
        } else {
            Distribution.SplitMix rng = new Distribution.SplitMix(seed);
            for (int i = 0; i < count; i++) {
                List<Pick> p = new ArrayList<>();
                for (Axis a : random) {
                    JsonNode v = a.distribution().draw(rng);
                    p.add(new Pick(a, v, a.where() + " (draw " + i + ": " + Values.show(v) + ")"));
                }
                randomPoints.add(p);
            }
        }
        List<List<Pick>> seedPoints = new ArrayList<>();
        if (seeds == null) {
            seedPoints.add(List.of());
        } else {
            for (int i = 0; i < seeds.values().size(); i++) {
                seedPoints.add(List.of(new Pick(seeds, seeds.values().get(i), "seeds[" + i + "]")));
            }
        }
        long total = (long) gridPoints.size() * randomPoints.size() * seedPoints.size();
        if (total > 100_000) {
            throw new ConfigException("sweep: " + total + " runs is more than the 100000 a sweep may have");
        }
        List<Sweep.Run> runs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        grid.forEach(a -> keys.add(a.key()));
        random.forEach(a -> keys.add(a.key()));
        if (seeds != null) {
            keys.add(seeds.key());
        }
        Map<String, String> shortNames = RunIds.shortNames(keys);
        int width = Math.max(3, Long.toString(total - 1).length());
        for (List<Pick> g : gridPoints) {
            for (List<Pick> rp : randomPoints) {
                for (List<Pick> sp : seedPoints) {
                    List<Pick> picks = new ArrayList<>(g);
                    picks.addAll(rp);
                    picks.addAll(sp);
                    int index = runs.size();
                    LinkedHashMap<String, JsonNode> values = new LinkedHashMap<>();
                    picks.forEach(p -> values.put(p.axis.key(), p.value));
                    String id = RunIds.id(index, width, values, shortNames);
                    runs.add(new Sweep.Run(index, id, values, config(baseTree, base, id, picks)));
                }
            }
        }
        return runs;
    }

    /** One axis value in one run, with where it comes from in the sweep file. */
    private record Pick(Axis axis, JsonNode value, String where) {
    }

    private static RunConfig config(ObjectNode baseTree, Base base, String id, List<Pick> picks) {
        ObjectNode tree = baseTree.deepCopy();
        for (Pick p : picks) {
            String set = p.axis.key() + "=" + p.value.toString();
            try {
                Overrides.apply(tree, List.of(set));
            } catch (ConfigException e) {
                String m = e.getMessage();
                String prefix = "--set " + set + ": ";
                throw new ConfigException(p.where + ": cannot set " + p.axis.key() + ": "
                        + (m.startsWith(prefix) ? m.substring(prefix.length()) : m), e);
            }
        }
        tree.put("name", id);
        tree.put("threads", 0);
        try {
            return ConfigReader.readRun(tree, id, base.dir);
        } catch (ConfigException e) {
            String field = fieldOf(e.getMessage());
            for (Pick p : picks) {
                if (field != null && (field.equals(p.axis.key()) || field.startsWith(p.axis.key() + ".")
                        || p.axis.key().startsWith(field + "."))) {
                    throw new ConfigException(p.where + ": " + e.getMessage(), e);
                }
            }
            throw new ConfigException((base.file == null ? "base: " : "base (" + base.file + "): ") + e.getMessage(), e);
        }
    }

    /**
     * The field a config message is about, in {@code --set} form: {@code train.batch_size} for
     * "train.batch_size: must be...", {@code train.lr} for "unknown field 'lr' in train; ...",
     * {@code regularizers.0.coef} for "regularizers[0].coef: ...".
     */
    static String fieldOf(String message) {
        String field = null;
        for (String kind : List.of("unknown field '", "missing field '")) {
            if (message.startsWith(kind)) {
                int q = message.indexOf('\'', kind.length());
                String name = message.substring(kind.length(), q);
                String rest = message.substring(q + 1);
                if (rest.startsWith(" in ")) {
                    int end = rest.indexOf(';');
                    field = rest.substring(4, end < 0 ? rest.length() : end).trim() + "." + name;
                } else {
                    field = name;
                }
            }
        }
        if (field == null) {
            int colon = message.indexOf(": ");
            if (colon <= 0) {
                return null;
            }
            field = message.substring(0, colon);
        }
        return field.replaceAll("\\[(\\d+)]", ".$1");
    }
}
