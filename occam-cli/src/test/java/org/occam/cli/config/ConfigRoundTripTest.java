package org.occam.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Defaults are filled in, and a resolved config reads back as the same record. */
class ConfigRoundTripTest {

    static Path examples() {
        Path p = Path.of("examples");
        return Files.isDirectory(p) ? p : Path.of("..", "examples");
    }

    static List<Path> exampleFiles() throws IOException {
        try (Stream<Path> s = Files.list(examples())) {
            return s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyExampleRoundTrips() throws IOException {
        List<Path> files = exampleFiles();
        assertTrue(files.size() >= 7, "examples: " + files);
        for (Path f : files) {
            RunConfig c = Configs.loadRun(f, List.of());
            String yaml = ConfigWriter.toYaml(c);
            RunConfig back = Configs.parseRun(yaml, "resolved", "other-name", Path.of("/elsewhere"), List.of());
            assertEquals(c, back, f + "\n" + yaml);
        }
    }

    /** The schema shown in examples/README.md is itself a valid config. */
    @Test
    void theDocumentedSchemaIsValid() throws IOException {
        String readme = Files.readString(examples().resolve("README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        ExperimentConfig c = Configs.parse(yaml, "README.md", "readme", Path.of("."), List.of());
        assertEquals("my-experiment", c.name());
        assertEquals(List.of("l2"), c.regularizers().stream().map(ComponentConfig::name).toList());
        assertEquals(List.of("grad_norm"), c.monitors().stream().map(ComponentConfig::name).toList());
    }

    @Test
    void defaultsAreFilledIn() {
        ExperimentConfig c = Configs.parse(ConfigValidationTest.GOOD, "t", "my-run", Path.of("."), List.of());
        assertEquals("my-run", c.name());
        assertEquals("float32", c.dtype());
        assertEquals(new ComponentConfig("sgd", Map.of("weight_decay", 0.0)), c.optimizer());
        assertEquals(new ComponentConfig("constant", Map.of("base", 0.1, "warmup", 0L)), c.lr());
        assertEquals(new DataSource.Builtin("digits", "train", null), c.data().train());
        assertEquals(new DataSource.Auto(), c.data().test());
        assertEquals(new TrainConfig(32, 10L, null, "reshuffle", 100, 500, 1e6, 2048), c.train());
        assertEquals("cross_entropy", c.loss());
    }

    @Test
    void numbersWrittenInAnyFormRead() {
        ExperimentConfig c = Configs.parse(ConfigValidationTest.GOOD + "regularizers: [{name: l2, coef: 1e-4}]\n", "t", "n",
                Path.of("."), List.of("lr.base=2E-3", "train.divergence_bound=1.0E10"));
        assertEquals(1e-4, c.regularizers().get(0).num("coef"));
        assertEquals(2e-3, c.lr().num("base"));
        assertEquals(1e10, c.train().divergenceBound());
    }

    @Test
    void overridesReachNestedFieldsAndLists() {
        String yaml = ConfigValidationTest.GOOD + "regularizers: [{name: l2, coef: 0.1}]\n";
        ExperimentConfig c = Configs.parse(yaml, "t", "n", Path.of("."), List.of("regularizers.0.coef=0.5",
                "optimizer={name: adam, beta2: 0.99}", "data.train={name: two_moons, n: 64}", "train.steps=null",
                "train.epochs=3", "monitors=[grad_norm]", "model.spec=mlp:2-8-2", "model.init_scale=0.5"));
        assertEquals(0.5, c.regularizers().get(0).num("coef"));
        assertEquals("adam", c.optimizer().name());
        assertEquals(0.99, c.optimizer().num("beta2"));
        assertEquals(64, ((DataSource.Generated) c.data().train()).spec().integer("n"));
        assertEquals(null, c.train().steps());
        assertEquals(3L, c.train().epochs());
        assertEquals("grad_norm", c.monitors().get(0).name());
        assertEquals(new ModelConfig("mlp:2-8-2", 0.5), c.model());
    }

    @Test
    void dataSpecForms() {
        Path base = Path.of("/data/configs");
        String g = ConfigValidationTest.GOOD;
        assertEquals(new DataSource.Builtin("mnist", "train", new DataSource.Slice(null, 1024)),
                Configs.parse(g, "t", "n", base, List.of("data=mnist:train[:1024]")).data().train());
        assertEquals(new DataSource.Builtin("fashion-mnist", "test", new DataSource.Slice(100, 600)),
                Configs.parse(g, "t", "n", base, List.of("data=fashion-mnist:test[100:600]")).data().train());
        assertEquals(new DataSource.Csv("/data/configs/iris.csv", null),
                Configs.parse(g, "t", "n", base, List.of("data=csv:iris.csv")).data().train());
        assertEquals(new DataSource.Csv("/abs/x.csv", new DataSource.Slice(5, null)),
                Configs.parse(g, "t", "n", base, List.of("data=csv:/abs/x.csv[5:]")).data().train());
        DataConfig d = Configs.parse(g, "t", "n", base, List.of("data={train: two_moons, test: none}")).data();
        assertEquals(SyntheticDataRegistry.REGISTRY.defaults("two_moons"), ((DataSource.Generated) d.train()).spec());
        assertEquals(new DataSource.None(), d.test());
        assertEquals(new DataSource.Builtin("cifar10", "train", new DataSource.Slice(null, 5000)),
                Configs.parse(g, "t", "n", base, List.of("data=cifar10:train[:5000]")).data().train());
        assertEquals(new DataSource.Builtin("cifar100-coarse", "test", null),
                Configs.parse(g, "t", "n", base, List.of("data=cifar100-coarse:test")).data().train());
        assertEquals(new DataSource.Builtin("cifar-fs", "val", null),
                Configs.parse(g, "t", "n", base, List.of("data=cifar-fs:val")).data().train());
        DataConfig a = Configs.parse(g, "t", "n", base, List.of("data={train: cifar10, layout: nchw, normalize: published,"
                + " augment: {crop: 4, flip: true}}")).data();
        assertEquals(new DataConfig.Augment(4, true), a.augment());
        assertEquals(DataConfig.Augment.NONE, Configs.parse(g, "t", "n", base, List.of()).data().augment());
    }
}
