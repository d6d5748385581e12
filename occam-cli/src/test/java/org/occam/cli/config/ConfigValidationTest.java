package org.occam.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.nn.Models;

/** Bad configs get messages naming the field path and the allowed values, checked word for word. */
class ConfigValidationTest {

    static final String GOOD = """
            model: mlp:64-32-10:tanh
            data: digits
            lr: 0.1
            train: {batch_size: 32, steps: 10}
            """;

    private static String error(String yaml, String... sets) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configs.parse(yaml, "test.yaml", "test", Path.of("."), List.of(sets)));
        return e.getMessage();
    }

    @Test
    void unknownTopLevelField() {
        assertEquals("unknown field 'modle' at top level; allowed: model, data, loss, optimizer, lr, regularizers,"
                + " monitors, train, seed, dtype, threads, name", error(GOOD.replace("model:", "modle:")));
    }

    @Test
    void unknownOptimizer() {
        assertEquals("optimizer.name: unknown value 'adamx'; allowed: sgd, momentum, nesterov, adam, adamw",
                error(GOOD + "optimizer: {name: adamx}\n"));
        assertEquals("optimizer: unknown value 'adamx'; allowed: sgd, momentum, nesterov, adam, adamw",
                error(GOOD + "optimizer: adamx\n"));
    }

    @Test
    void negativeBatchSize() {
        assertEquals("train.batch_size: must be a positive integer, got -3", error(GOOD.replace("batch_size: 32", "batch_size: -3")));
        assertEquals("train.batch_size: must be a positive integer or 'full', got 'all'", error(GOOD.replace("batch_size: 32", "batch_size: all")));
    }

    @Test
    void unknownFieldInASection() {
        assertEquals("unknown field 'lr' in train; allowed: batch_size, steps, epochs, order, eval_every, checkpoint_every,"
                + " keep_checkpoints, divergence_bound, chunk, spark", error(GOOD.replace("steps: 10", "steps: 10, lr: 0.1")));
    }

    @Test
    void parameterOfTheWrongOptimizer() {
        assertEquals("unknown field 'beta1' in optimizer; allowed: name, momentum, weight_decay",
                error(GOOD + "optimizer: {name: momentum, beta1: 0.9}\n"));
    }

    @Test
    void outOfRangeNumbers() {
        assertEquals("optimizer.momentum: must be a number in [0, 1), got 1.0",
                error(GOOD + "optimizer: {name: momentum, momentum: 1.0}\n"));
        assertEquals("data.label_noise: must be a number in [0, 1], got 1.5",
                error(GOOD.replace("data: digits", "data: {train: digits, label_noise: 1.5}")));
        assertEquals("lr: must be a positive number, got -0.1", error(GOOD.replace("lr: 0.1", "lr: -0.1")));
        assertEquals("lr.base: must be a positive number, got 'fast'",
                error(GOOD.replace("lr: 0.1", "lr: {name: cosine, base: fast}")));
    }

    @Test
    void wrongTypes() {
        assertEquals("train.steps: must be a non-negative integer, got 'many'", error(GOOD.replace("steps: 10", "steps: many")));
        assertEquals("seed: must be a non-negative integer, got 1.5", error(GOOD + "seed: 1.5\n"));
        assertEquals("data.random_labels: must be true or false, got 'sometimes'",
                error(GOOD.replace("data: digits", "data: {train: digits, random_labels: sometimes}")));
        assertEquals("data.classes: must be a list of non-negative integers, got [0,\"one\"]",
                error(GOOD.replace("data: digits", "data: {train: digits, classes: [0, one]}")));
        assertEquals("train: must be a mapping (batch_size, steps or epochs, ...), got 'fast'",
                error(GOOD.replace("train: {batch_size: 32, steps: 10}", "train: fast")));
    }

    @Test
    void registryEntries() {
        assertEquals("regularizers[0].name: unknown value 'l3'; allowed: " + String.join(", ", RegularizerRegistry.REGISTRY.names()), error(GOOD + "regularizers: [{name: l3}]\n"));
        assertEquals("unknown field 'coeff' in regularizers[0]; allowed: name, coef",
                error(GOOD + "regularizers: [{name: l2, coeff: 0.1}]\n"));
        assertEquals("missing field 'coef' in regularizers[0]; expected a positive number",
                error(GOOD + "regularizers: [l2]\n"));
        assertEquals("monitors[0].every: must be a positive integer, got 0",
                error(GOOD + "monitors: [{name: grad_norm, every: 0}]\n"));
        assertEquals("missing field 'name' in monitors[0]; expected one of " + String.join(", ", MonitorRegistry.REGISTRY.names()),
                error(GOOD + "monitors: [{every: 5}]\n"));
        assertEquals("regularizers: must be a list, got a mapping", error(GOOD + "regularizers: {name: l2}\n"));
    }

    @Test
    void missingAndConflictingFields() {
        assertEquals("missing field 'lr' at top level; expected a learning rate such as 0.1 or {name: cosine, base: 0.1}",
                error(GOOD.replace("lr: 0.1\n", "")));
        assertEquals("missing field 'steps' in train; expected a non-negative integer (or give epochs)",
                error(GOOD.replace(", steps: 10", "")));
        assertEquals("train: give steps or epochs, not both", error(GOOD.replace("steps: 10", "steps: 10, epochs: 2")));
        assertEquals("data.random_labels: cannot be combined with label_noise (random labels are all noise)",
                error(GOOD.replace("data: digits", "data: {train: digits, random_labels: true, label_noise: 0.1}")));
        assertEquals("config: is empty; expected a mapping with at least model, data, lr and train", error(""));
    }

    @Test
    void choices() {
        assertEquals("dtype: unknown value 'float16'; allowed: float32, float64", error(GOOD + "dtype: float16\n"));
        assertEquals("loss: unknown value 'hinge'; allowed: cross_entropy, mse, logistic, exponential",
                error(GOOD + "loss: hinge\n"));
        assertEquals("train.order: unknown value 'random'; allowed: reshuffle, with_replacement, fixed, sequential",
                error(GOOD.replace("steps: 10", "steps: 10, order: random")));
    }

    @Test
    void dataSpecs() {
        assertEquals("data.train: unknown value 'mnst'; allowed: digits[:train|test|all][[start:end]],"
                + " mnist[:train|test][[start:end]], fashion-mnist[:train|test][[start:end]],"
                + " mnist-embedded[:train|test][[start:end]], cifar10[:train|test][[start:end]],"
                + " cifar100[:train|test][[start:end]], cifar100-coarse[:train|test][[start:end]],"
                + " cifar-fs[:train|val|test][[start:end]], csv:PATH[[start:end]],"
                + " two_moons, spirals, rings, gaussian_mixture, sine, linearly_separable, teacher_student,"
                + " teacher_student_regression, multitask_regression", error(GOOD.replace("data: digits", "data: mnst")));
        assertEquals("data.train: unknown split 'all' of mnist; allowed: train, test",
                error(GOOD.replace("data: digits", "data: mnist:all")));
        assertEquals("data.train: bad slice [200:100]: start is after end",
                error(GOOD.replace("data: digits", "data: 'mnist:train[200:100]'")));
        assertEquals("data.train.noise: must be a non-negative number, got -1",
                error(GOOD.replace("data: digits", "data: {train: {name: two_moons, noise: -1}}")));
        assertEquals("data.layout: nchw needs image data (digits, mnist, fashion-mnist, mnist-embedded, cifar10, cifar100,"
                + " cifar100-coarse, cifar-fs), but data.train is csv:/x.csv",
                error(GOOD.replace("data: digits", "data: {train: 'csv:/x.csv', layout: nchw}")));
    }

    @Test
    void cifarSpecsAndAugmentation() {
        assertEquals("data.train: unknown split 'val' of cifar10; allowed: train, test",
                error(GOOD.replace("data: digits", "data: cifar10:val")));
        assertEquals("data.train: unknown split 'all' of cifar-fs; allowed: train, val, test",
                error(GOOD.replace("data: digits", "data: cifar-fs:all")));
        assertEquals("data.augment: crop and flip need images: add data.layout: nchw",
                error(GOOD.replace("data: digits", "data: {train: digits, augment: {crop: 2}}")));
        assertEquals("data.normalize: per_channel statistics are per channel: add data.layout: nchw",
                error(GOOD.replace("data: digits", "data: {train: digits, normalize: per_channel}")));
        assertEquals("data.augment.crop: padded pixels have no per_feature statistics; normalize with per_channel,"
                + " published, global or none", error(GOOD.replace("data: digits",
                "data: {train: digits, layout: nchw, normalize: per_feature, augment: {crop: 1}}")));
        assertEquals("data.normalize: published needs a data set with published statistics (cifar10, cifar100,"
                + " cifar100-coarse, cifar-fs, mnist, fashion-mnist), but data.train is digits:train",
                error(GOOD.replace("data: digits", "data: {train: digits, layout: nchw, normalize: published}")));
        assertEquals("unknown field 'pad' in data.augment; allowed: crop, flip",
                error(GOOD.replace("data: digits", "data: {train: digits, layout: nchw, augment: {pad: 4}}")));
        assertEquals("data.augment.crop: must be a non-negative integer, got -4",
                error(GOOD.replace("data: digits", "data: {train: digits, layout: nchw, augment: {crop: -4}}")));
        assertEquals("data.normalize: unknown value 'channel'; allowed: none, per_feature, global, per_channel, published",
                error(GOOD.replace("data: digits", "data: {train: digits, normalize: channel}")));
    }

    @Test
    void badModelSpec() {
        assertEquals("model: bad model spec 'mlp:64-x-10': For input string: \"x\". Allowed forms: " + Models.GRAMMAR,
                error(GOOD.replace("mlp:64-32-10:tanh", "mlp:64-x-10")));
    }

    @Test
    void notYamlOrDuplicateKeys() {
        String dup = error(GOOD + "lr: 0.2\n");
        assertEquals("test.yaml: not valid YAML: Duplicate field 'lr' (line 5, column 3)", dup);
    }

    /** Tags that would make some YAML libraries construct objects are plain data here, then rejected by shape. */
    @Test
    void configsNeverExecuteCode() {
        assertEquals("model: must be a mapping (spec and init_scale, or a model spec string), got a list",
                error(GOOD.replace("model: mlp:64-32-10:tanh",
                        "model: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]")));
    }

    @Test
    void overridesAreValidatedLikeTheFile() {
        assertEquals("train.batch_size: must be a positive integer, got 0", error(GOOD, "train.batch_size=0"));
        assertEquals("unknown field 'stepz' in train; allowed: batch_size, steps, epochs, order, eval_every, checkpoint_every,"
                + " keep_checkpoints, divergence_bound, chunk, spark", error(GOOD, "train.stepz=5"));
        assertEquals("--set expects KEY=VALUE (e.g. train.steps=100), got 'train.steps'", error(GOOD, "train.steps"));
    }
}
