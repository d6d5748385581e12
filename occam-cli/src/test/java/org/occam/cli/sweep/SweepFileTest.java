package org.occam.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.config.ConfigException;

/** Sweep files: expansion into runs and ids, deterministic random axes, and bad files word for word. */
class SweepFileTest {

    static final String BASE = """
            base:
              model: mlp:64-16-10:tanh
              data: digits
              lr: 0.1
              regularizers: [{name: l2, coef: 0.001}]
              train: {batch_size: 32, steps: 10}
            """;

    static Sweep parse(String yaml, String... sets) {
        return SweepFile.parse(yaml, "test.yaml", "test", Path.of("."), List.of(sets));
    }

    static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void gridTimesRandomTimesSeedsInAFixedOrder() {
        Sweep s = parse(BASE + """
                grid: {lr: [0.05, 0.2], train.batch_size: [16, 64]}
                random: {count: 3, seed: 7, axes: {regularizers.0.coef: {log_uniform: [1e-4, 1e-2]}}}
                seeds: [0, 1]
                """);
        assertEquals(2 * 2 * 3 * 2, s.runs().size());
        assertEquals(List.of("lr", "train.batch_size", "regularizers.0.coef", "seed"), s.keys());
        Sweep.Run first = s.runs().getFirst();
        assertTrue(first.id().startsWith("000-lr_0.05-batch_size_16-coef_"), first.id());
        assertTrue(first.id().endsWith("-seed_0"), first.id());
        assertEquals("001", s.runs().get(1).id().substring(0, 3));
        assertEquals(1L, s.runs().get(1).config().seed(), "seeds vary fastest");
        assertEquals(0.05, ((Number) s.runs().get(5).config().lr().params().get("base")).doubleValue());
        assertEquals(16, s.runs().get(5).config().train().batchSize());
        assertEquals(64, s.runs().get(6).config().train().batchSize(), "then the random points, then the batch size");
        assertEquals(0.2, ((Number) s.runs().get(12).config().lr().params().get("base")).doubleValue(), "lr varies slowest");
        for (Sweep.Run r : s.runs()) {
            double coef = ((Number) r.config().regularizers().getFirst().params().get("coef")).doubleValue();
            assertTrue(coef >= 1e-4 && coef <= 1e-2, "drawn in range: " + coef);
            assertEquals(r.id(), r.config().name());
            assertEquals(0, r.config().threads(), "the sweep sets the thread count");
        }
        // the same random point for every grid point; different points from each other
        assertEquals(s.runs().get(0).values().get("regularizers.0.coef"), s.runs().get(6).values().get("regularizers.0.coef"));
        assertNotEquals(s.runs().get(0).values().get("regularizers.0.coef"), s.runs().get(2).values().get("regularizers.0.coef"));
    }

    @Test
    void randomDrawsAreTheSameEveryTime() {
        String yaml = BASE + """
                random:
                  count: 5
                  seed: 3
                  axes:
                    lr: {uniform: [0.01, 0.5]}
                    train.batch_size: {int_uniform: [8, 12]}
                    optimizer: {choice: [sgd, adam]}
                """;
        Sweep a = parse(yaml);
        Sweep b = parse(yaml);
        assertEquals(a.runs().stream().map(Sweep.Run::id).toList(), b.runs().stream().map(Sweep.Run::id).toList());
        assertEquals(a.runs().stream().map(Sweep.Run::values).toList(), b.runs().stream().map(Sweep.Run::values).toList());
        for (Sweep.Run r : a.runs()) {
            int bs = r.config().train().batchSize();
            assertTrue(bs >= 8 && bs <= 12, "int_uniform includes both ends: " + bs);
            assertTrue(List.of("sgd", "adam").contains(r.config().optimizer().name()));
        }
        Sweep other = parse(yaml.replace("seed: 3", "seed: 4"));
        assertNotEquals(a.runs().getFirst().values(), other.runs().getFirst().values());
    }

    @Test
    void setOverridesTheBaseAndAnEmptySweepIsOneRun() {
        Sweep s = parse(BASE, "train.steps=3");
        assertEquals(1, s.runs().size());
        assertEquals("000", s.runs().getFirst().id());
        assertEquals(3L, s.runs().getFirst().config().train().steps());
    }

    @Test
    void baseFromAFileRelativeToTheSweepFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sweeps"));
        Files.writeString(dir.resolve("base.yaml"), BASE.replace("base:\n", "").replace("\n  ", "\n").strip() + "\n");
        Path f = dir.resolve("sweeps/s.yaml");
        Files.writeString(f, "base: ../base.yaml\ngrid: {lr: [0.1, 0.3]}\n");
        Sweep s = SweepFile.load(f, List.of());
        assertEquals("s", s.name());
        assertEquals(2, s.runs().size());
        assertEquals("001-lr_0.3", s.runs().get(1).id());

        Files.writeString(f, "base: ../nope.yaml\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SweepFile.load(f, List.of()));
        assertEquals(f + ": base: no such config file " + dir.resolve("nope.yaml"), e.getMessage());
    }

    @Test
    void badSweepFilesAreExplainedWordForWord() {
        assertEquals("unknown field 'grd' at top level; allowed: name, base, grid, random, seeds",
                error(BASE + "grd: {lr: [0.1]}\n"));
        assertEquals("missing field 'base' at top level; expected a config file path or an inline config mapping",
                error("grid: {lr: [0.1]}\n"));
        assertEquals("grid.lr: must be a non-empty list of values, got 0.1", error(BASE + "grid: {lr: 0.1}\n"));
        assertEquals("grid.lr[1]: lr: must be a positive number, got -1", error(BASE + "grid: {lr: [0.1, -1]}\n"));
        assertEquals("grid.train.batch_size[0]: train.batch_size: must be a positive integer, got 0",
                error(BASE + "grid: {train.batch_size: [0, 16]}\n"));
        assertEquals("grid.train.batchsize[0]: unknown field 'batchsize' in train; allowed: batch_size, steps, epochs, order,"
                + " eval_every, checkpoint_every, keep_checkpoints, divergence_bound, chunk, spark", error(BASE + "grid: {train.batchsize: [16]}\n"));
        assertEquals("grid.optimizer[1]: optimizer: unknown value 'adamx'; allowed: sgd, momentum, nesterov, adam, adamw",
                error(BASE + "grid: {optimizer: [sgd, adamx]}\n"));
        assertEquals("random.axes.lr: unknown distribution 'loguniform'; allowed: uniform, log_uniform, int_uniform, choice",
                error(BASE + "random: {count: 2, axes: {lr: {loguniform: [0.01, 1]}}}\n"));
        assertEquals("random.axes.lr.log_uniform: must be [low, high] with 0 < low <= high, got [0, 0.1]",
                error(BASE + "random: {count: 2, axes: {lr: {log_uniform: [0, 0.1]}}}\n"));
        assertEquals("random.axes.train.batch_size.int_uniform: must be [low, high] with integers low <= high, got [64, 8]",
                error(BASE + "random: {count: 2, axes: {train.batch_size: {int_uniform: [64, 8]}}}\n"));
        assertEquals("missing field 'count' in random; expected a positive integer",
                error(BASE + "random: {axes: {lr: {uniform: [0.01, 1]}}}\n"));
        assertEquals("random.count: must be a positive integer, got 0",
                error(BASE + "random: {count: 0, axes: {lr: {uniform: [0.01, 1]}}}\n"));
        assertEquals("random.axes.lr (draw 0: -0.5): lr: must be a positive number, got -0.5",
                error(BASE + "random: {count: 1, axes: {lr: {uniform: [-0.5, -0.5]}}}\n"));
        assertEquals("seeds: must be a list of non-negative integers, got [0,-1]", error(BASE + "seeds: [0, -1]\n"));
        assertEquals("seeds: must not be empty (leave it out to keep the base config's seed)", error(BASE + "seeds: []\n"));
        assertEquals("seeds: seed is already swept by grid.seed; sweep each field in one place",
                error(BASE + "grid: {seed: [1, 2]}\nseeds: [0]\n"));
        assertEquals("random.axes.lr: lr is already swept by grid.lr; sweep each field in one place",
                error(BASE + "grid: {lr: [0.1]}\nrandom: {count: 1, axes: {lr: {uniform: [0.1, 0.2]}}}\n"));
        assertEquals("base: train.batch_size: must be a positive integer, got -3",
                error(BASE.replace("batch_size: 32", "batch_size: -3") + "grid: {lr: [0.1]}\n"));
        assertEquals("base: must be a config file path or an inline config mapping, got 3", error("base: 3\n"));
        assertEquals("sweep: is empty; expected a mapping with base and grid, random or seeds", error(""));
    }
}
