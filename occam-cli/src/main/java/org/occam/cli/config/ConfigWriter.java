package org.occam.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.occam.train.CheckpointStore;

/**
 * Writes a {@link RunConfig} (an {@link ExperimentConfig} or a {@link GameConfig}) back as YAML,
 * every field explicit: the {@code config.yaml} of a run. Reading it back with
 * {@link ConfigReader#readRun} gives an equal record.
 */
public final class ConfigWriter {
    private ConfigWriter() {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The YAML text, with a header comment. */
    public static String toYaml(RunConfig c) {
        ObjectNode tree = switch (c) {
            case ExperimentConfig e -> tree(e);
            case GameConfig g -> GameConfigWriter.tree(g);
        };
        return "# Resolved by occam train: overrides applied, every default filled in.\n"
                + "# ./occam train --resume DIR continues the run in DIR from this file.\n"
                + Yaml.write(tree);
    }

    /** The config as a tree, top-level fields in {@link ExperimentConfig#FIELDS} order. */
    public static ObjectNode tree(ExperimentConfig c) {
        ObjectNode t = F.objectNode();
        ObjectNode model = t.putObject("model");
        model.put("spec", c.model().spec());
        model.put("init_scale", c.model().initScale());
        if (c.model().initFrom() != null) {
            model.put("init_from", c.model().initFrom().toString());
            model.put("init_strict", c.model().initStrict());
        }
        t.set("data", data(c.data()));
        t.put("loss", c.loss());
        t.set("optimizer", component(c.optimizer()));
        t.set("lr", component(c.lr()));
        t.set("regularizers", components(c.regularizers()));
        t.set("monitors", components(c.monitors()));
        t.set("train", train(c.train()));
        t.put("seed", c.seed());
        t.put("dtype", c.dtype());
        t.put("threads", c.threads());
        t.put("name", c.name());
        return t;
    }

    private static ObjectNode data(DataConfig d) {
        ObjectNode o = F.objectNode();
        o.set("train", source(d.train()));
        o.set("test", source(d.test()));
        o.put("test_fraction", d.testFraction());
        o.put("layout", d.layout());
        ArrayNode classes = o.putArray("classes");
        d.classes().forEach(classes::add);
        o.put("label_noise", d.labelNoise());
        o.put("random_labels", d.randomLabels());
        o.put("normalize", d.normalize());
        o.put("seed", d.seed());
        ObjectNode augment = o.putObject("augment");
        augment.put("crop", d.augment().crop());
        augment.put("flip", d.augment().flip());
        return o;
    }

    private static JsonNode source(DataSource s) {
        return s instanceof DataSource.Generated g ? component(g.spec()) : F.textNode(s.text());
    }

    private static ObjectNode train(TrainConfig t) {
        ObjectNode o = F.objectNode();
        if (t.batchSize() == TrainConfig.FULL) {
            o.put("batch_size", "full");
        } else {
            o.put("batch_size", t.batchSize());
        }
        if (t.steps() != null) {
            o.put("steps", t.steps());
        } else {
            o.put("epochs", t.epochs());
        }
        o.put("order", t.order());
        o.put("eval_every", t.evalEvery());
        o.put("checkpoint_every", t.checkpointEvery());
        if (t.keepCheckpoints() != CheckpointStore.DEFAULT_KEEP) {
            o.put("keep_checkpoints", t.keepCheckpoints()); // omitted at the default: run folders of older versions stay equal
        }
        o.put("divergence_bound", t.divergenceBound());
        o.put("chunk", t.chunk());
        if (t.spark() != null) {
            o.put("spark", t.spark());
        }
        return o;
    }

    private static ArrayNode components(List<ComponentConfig> list) {
        ArrayNode a = F.arrayNode();
        list.forEach(c -> a.add(component(c)));
        return a;
    }

    /** A registry entry as a mapping: {@code name}, then every parameter (also used by {@link GameConfigWriter}). */
    static ObjectNode component(ComponentConfig c) {
        ObjectNode o = F.objectNode();
        o.put("name", c.name());
        for (Map.Entry<String, Object> e : c.params().entrySet()) {
            o.set(e.getKey(), value(e.getValue()));
        }
        return o;
    }

    private static JsonNode value(Object v) {
        return switch (v) {
            case Long l -> F.numberNode(l);
            case Double d -> F.numberNode(d);
            case Boolean b -> F.booleanNode(b);
            case String s -> F.textNode(s);
            case List<?> l -> {
                ArrayNode a = F.arrayNode();
                l.forEach(x -> a.add(value(x)));
                yield a;
            }
            default -> throw new IllegalStateException("unexpected parameter value " + v + " (" + v.getClass() + ")");
        };
    }
}
