package org.occam.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.occam.data.Datasets;
import org.occam.nn.Models;
import org.occam.train.CheckpointStore;

/**
 * Checks a parsed YAML tree and maps it to an {@link ExperimentConfig}, filling in defaults. The
 * first problem found is thrown as a {@link ConfigException} naming the field path and, where
 * there is a fixed set, the allowed values. Nothing is loaded or built here beyond parsing the
 * model spec, so validation is instant.
 */
public final class ConfigReader {
    private ConfigReader() {
    }

    static final List<String> MODEL_FIELDS = List.of("spec", "init_scale", "init_from", "init_strict");
    static final List<String> DATA_FIELDS = List.of("train", "test", "test_fraction", "layout", "classes", "label_noise",
            "random_labels", "normalize", "seed", "augment");
    static final List<String> AUGMENT_FIELDS = List.of("crop", "flip");
    static final List<String> TRAIN_FIELDS = List.of("batch_size", "steps", "epochs", "order", "eval_every",
            "checkpoint_every", "keep_checkpoints", "divergence_bound", "chunk", "spark");
    static final List<String> LOSSES = List.of("cross_entropy", "mse", "logistic", "exponential");

    private static final Param SEED = Param.intIn("seed", 0L, 0, Long.MAX_VALUE, "seed");
    private static final Param DTYPE = Param.choice("dtype", "float32", "parameter and data type", "float32", "float64");
    private static final Param THREADS = Param.nonNegativeInt("threads", 0L, "kernel threads; 0: OCCAM_THREADS or all cores");
    private static final Param LOSS = Param.choice("loss", "cross_entropy", "the loss", LOSSES.toArray(String[]::new));
    private static final Param INIT_SCALE = Param.positive("init_scale", 1.0, "initial parameters are multiplied by this");

    /**
     * Reads a whole config of either kind: a {@link GameConfig} when the document has a top-level
     * {@code game} field ({@link GameConfigReader}), else an {@link ExperimentConfig} ({@link #read}).
     */
    public static RunConfig readRun(JsonNode root, String defaultName, Path baseDir) {
        if (root != null && root.isObject() && root.hasNonNull("game")) {
            return GameConfigReader.read(root, defaultName);
        }
        return read(root, defaultName, baseDir);
    }

    /**
     * Reads a whole config.
     *
     * @param root        the parsed document
     * @param defaultName the name when the config gives none (the file name)
     * @param baseDir     folder that relative paths in the config are resolved against
     */
    public static ExperimentConfig read(JsonNode root, String defaultName, Path baseDir) {
        Node top = Node.root(root);
        if (top.absent() || (root.isObject() && root.isEmpty())) {
            throw new ConfigException("config: is empty; expected a mapping with at least model, data, lr and train");
        }
        if (!root.isObject()) {
            throw new ConfigException("config: must be a mapping of sections (" + String.join(", ", ExperimentConfig.FIELDS)
                    + "), got " + Node.describe(root));
        }
        top.allowOnly(ExperimentConfig.FIELDS);
        String name = (String) Param.string("name", defaultName, "run name").read(top);
        long seed = (Long) SEED.read(top);
        String dtype = (String) DTYPE.read(top);
        int threads = Math.toIntExact((Long) THREADS.read(top));
        ModelConfig model = model(required(top, "model", "a model spec such as mlp:64-64-10:tanh"), baseDir);
        DataConfig data = data(required(top, "data", "a data set such as digits, or a data mapping"), baseDir);
        String loss = (String) LOSS.read(top);
        ComponentConfig optimizer = top.has("optimizer") ? OptimizerRegistry.REGISTRY.read(top.get("optimizer"))
                : OptimizerRegistry.REGISTRY.defaults("sgd");
        ComponentConfig lr = lr(required(top, "lr", "a learning rate such as 0.1 or {name: cosine, base: 0.1}"));
        List<ComponentConfig> regularizers = list(top.get("regularizers"), RegularizerRegistry.REGISTRY);
        List<ComponentConfig> monitors = list(top.get("monitors"), MonitorRegistry.REGISTRY);
        TrainConfig train = train(required(top, "train", "a mapping with batch_size and steps or epochs"));
        return new ExperimentConfig(name, seed, dtype, threads, model, data, loss, optimizer, lr, regularizers, monitors, train);
    }

    private static Node required(Node parent, String key, String expected) {
        if (!parent.has(key)) {
            throw new ConfigException("missing field '" + key + "' " + parent.where() + "; expected " + expected);
        }
        return parent.get(key);
    }

    static ModelConfig model(Node node, Path baseDir) {
        if (node.json().isTextual()) {
            return new ModelConfig(checkedSpec(node), 1.0);
        }
        node.requireMapping("spec and init_scale, or a model spec string");
        node.allowOnly(MODEL_FIELDS);
        Node spec = required(node, "spec", "a model spec such as mlp:64-64-10:tanh");
        if (!spec.json().isTextual()) {
            throw spec.error("must be a model spec string such as mlp:64-64-10:tanh, got " + Node.describe(spec.json()));
        }
        Path initFrom = null;
        if (node.has("init_from")) {
            Node f = node.get("init_from");
            if (!f.json().isTextual() || !f.json().asText().endsWith(".safetensors")) {
                throw f.error("must be the path of a .safetensors file, got " + Node.describe(f.json()));
            }
            initFrom = (baseDir == null ? Path.of("") : baseDir).resolve(f.json().asText()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(initFrom)) {
                throw f.error("no such file: " + initFrom);
            }
        }
        boolean strict = true;
        if (node.has("init_strict")) {
            Node f = node.get("init_strict");
            if (!f.json().isBoolean()) {
                throw f.error("must be true or false, got " + Node.describe(f.json()));
            }
            if (initFrom == null) {
                throw f.error("only applies with model.init_from");
            }
            strict = f.json().asBoolean();
        }
        return new ModelConfig(checkedSpec(spec), (Double) INIT_SCALE.read(node), initFrom, strict);
    }

    private static String checkedSpec(Node spec) {
        String s = spec.json().asText().trim();
        try {
            Models.parse(s);
        } catch (IllegalArgumentException e) {
            throw spec.error(e.getMessage());
        }
        return s;
    }

    static DataConfig data(Node node, Path baseDir) {
        if (node.json().isTextual()) {
            node = new Node(node.path(), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .set("train", node.json()));
        }
        node.requireMapping("train, test, ...; or a data set spec");
        node.allowOnly(DATA_FIELDS);
        DataSource train = DataSpecs.read(required(node, "train", "a data set spec such as digits"), baseDir, false);
        DataSource test = node.has("test") ? DataSpecs.read(node.get("test"), baseDir, true) : new DataSource.Auto();
        double testFraction = (Double) Param.belowOne("test_fraction", 0.2, "held-out fraction").read(node);
        String layout = (String) Param.choice("layout", "flat", "sample layout", "flat", "nchw").read(node);
        List<Integer> classes = new ArrayList<>();
        for (Object c : (List<?>) Param.intList("classes", 0, Integer.MAX_VALUE, "classes to keep").read(node)) {
            classes.add(Math.toIntExact((Long) c));
        }
        double labelNoise = (Double) Param.numberIn("label_noise", 0.0, 0, 1, "fraction of wrong labels").read(node);
        boolean random = (Boolean) Param.bool("random_labels", false, "random labels").read(node);
        String normalize = (String) Param.choice("normalize", "none", "input standardization", "none", "per_feature", "global",
                "per_channel", "published").read(node);
        long seed = (Long) SEED.read(node);
        if (random && labelNoise > 0) {
            throw node.get("random_labels").error("cannot be combined with label_noise (random labels are all noise)");
        }
        if (layout.equals("nchw")) {
            for (String side : List.of("train", "test")) {
                DataSource s = side.equals("train") ? train : test;
                if (!(s instanceof DataSource.Builtin || s instanceof DataSource.Auto || s instanceof DataSource.None)) {
                    throw node.get("layout").error("nchw needs image data (" + String.join(", ", DataSpecs.BUILTIN)
                            + "), but data." + side + " is " + s.text());
                }
            }
        }
        DataConfig.Augment augment = augment(node.get("augment"));
        if (!layout.equals("nchw")) {
            if (!augment.isNone()) {
                throw node.get("augment").error("crop and flip need images: add data.layout: nchw");
            }
            if (normalize.equals("per_channel") || normalize.equals("published")) {
                throw node.get("normalize").error(normalize + " statistics are per channel: add data.layout: nchw");
            }
        }
        if (augment.crop() > 0 && normalize.equals("per_feature")) {
            throw node.get("augment").get("crop").error("padded pixels have no per_feature statistics; normalize with"
                    + " per_channel, published, global or none");
        }
        if (normalize.equals("published")) {
            for (String side : List.of("train", "test")) {
                DataSource s = side.equals("train") ? train : test;
                if (s instanceof DataSource.Builtin b && Datasets.publishedStatistics(b.name()).isEmpty()
                        || !(s instanceof DataSource.Builtin || s instanceof DataSource.Auto || s instanceof DataSource.None)) {
                    throw node.get("normalize").error("published needs a data set with published statistics (cifar10,"
                            + " cifar100, cifar100-coarse, cifar-fs, mnist, fashion-mnist), but data." + side + " is "
                            + s.text());
                }
            }
        }
        return new DataConfig(train, test, testFraction, layout, classes, labelNoise, random, normalize, seed, augment);
    }

    static DataConfig.Augment augment(Node node) {
        if (node.absent() || node.json().isTextual() && node.json().asText().equals("none")) {
            return DataConfig.Augment.NONE;
        }
        node.requireMapping("crop and flip (e.g. {crop: 4, flip: true}), or none");
        node.allowOnly(AUGMENT_FIELDS);
        int crop = Math.toIntExact((Long) Param.nonNegativeInt("crop", 0L, "zero padding of the random crop").read(node));
        boolean flip = (Boolean) Param.bool("flip", false, "random horizontal flip").read(node);
        return new DataConfig.Augment(crop, flip);
    }

    static ComponentConfig lr(Node node) {
        Double number = Param.number(node.json());
        if (number != null) {
            double v = number;
            if (!(v > 0) || Double.isInfinite(v)) {
                throw node.error("must be a positive number, got " + Node.describe(node.json()));
            }
            com.fasterxml.jackson.databind.node.ObjectNode full = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode().put("name", "constant").put("base", v);
            return LearningRateRegistry.REGISTRY.read(new Node(node.path(), full));
        }
        return LearningRateRegistry.REGISTRY.read(node);
    }

    static <C, T> List<ComponentConfig> list(Node node, Registry<C, T> registry) {
        if (node.absent()) {
            return List.of();
        }
        List<ComponentConfig> out = new ArrayList<>();
        for (Node e : node.elements()) {
            out.add(registry.read(e));
        }
        return out;
    }

    static TrainConfig train(Node node) {
        node.requireMapping("batch_size, steps or epochs, ...");
        node.allowOnly(TRAIN_FIELDS);
        int batch = batchSize(required(node, "batch_size", "a positive integer or 'full'"));
        Long steps = node.has("steps") ? (Long) Param.intIn("steps", null, 0, Long.MAX_VALUE, "steps").read(node) : null;
        Long epochs = node.has("epochs") ? (Long) Param.positiveInt("epochs", null, "epochs").read(node) : null;
        if (steps != null && epochs != null) {
            throw node.error("give steps or epochs, not both");
        }
        if (steps == null && epochs == null) {
            throw new ConfigException("missing field 'steps' " + node.where()
                    + "; expected a non-negative integer (or give epochs)");
        }
        String order = (String) Param.choice("order", "reshuffle", "batch order", "reshuffle", "with_replacement", "fixed",
                "sequential").read(node);
        int evalEvery = Math.toIntExact((Long) Param.nonNegativeInt("eval_every", 100L, "evaluation period").read(node));
        int ckptEvery = Math.toIntExact((Long) Param.nonNegativeInt("checkpoint_every", 500L, "checkpoint period").read(node));
        double bound = (Double) Param.positive("divergence_bound", 1e6, "divergence bound").read(node);
        int chunk = Math.toIntExact((Long) Param.positiveInt("chunk", 2048L, "rows per pass").read(node));
        int keep = Math.toIntExact((Long) Param.intIn("keep_checkpoints", (long) CheckpointStore.DEFAULT_KEEP, 1, 1000,
                "checkpoints kept").read(node));
        String spark = SparkOption.read(node, batch);
        return new TrainConfig(batch, steps, epochs, order, evalEvery, ckptEvery, bound, chunk, keep, spark);
    }

    private static int batchSize(Node n) {
        if (n.json().isTextual() && n.json().asText().equals("full")) {
            return TrainConfig.FULL;
        }
        Long l = Param.integral(n.json());
        if (l == null || l < 1 || l >= TrainConfig.FULL) {
            throw n.error("must be a positive integer" + (n.json().isNumber() ? "" : " or 'full'") + ", got "
                    + Node.describe(n.json()));
        }
        return Math.toIntExact(l);
    }
}
