package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.io.InitialWeights;
import org.occam.io.Safetensors;
import org.occam.nn.Models;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;

/** A train config that starts from given weights: {@code model.init_from}, strict or not. */
class InitFromTest {
    private static final String CONFIG = """
            model:
              spec: %s
              init_from: w.safetensors
            %s
            data: digits:train[:128]
            loss: cross_entropy
            optimizer: sgd
            lr: 0.1
            train:
              batch_size: 32
              steps: %d
            seed: 4
            """;

    private static Path config(Path dir, String spec, String extra, int steps) throws Exception {
        Path c = dir.resolve("c.yaml");
        Files.writeString(c, CONFIG.formatted(spec, extra, steps));
        return c;
    }

    @Test
    void strictLoadStartsFromTheFileAndRefusesAMismatchWithTheList(@TempDir Path dir) throws Exception {
        Params given = Models.parse("mlp:64-16-10:tanh").init(Rng.seed(99), DType.FLOAT32);
        Safetensors.write(dir.resolve("w.safetensors"), given);
        CliRun.Result ok = CliRun.run("train", config(dir, "mlp:64-16-10:tanh", "", 1).toString(),
                "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(0, ok.code(), ok.err());
        String log = Files.readString(dir.resolve("run/run.log"));
        assertTrue(log.contains("all 4 tensors loaded"), log);
        assertTrue(Files.readString(dir.resolve("run/config.yaml")).contains("init_from"), "config.yaml keeps init_from for resume");

        CliRun.Result bad = CliRun.run("train", config(dir, "mlp:64-32-10:tanh", "", 1).toString(),
                "--out", dir.resolve("bad").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("model.init_from") && bad.err().contains("shape mismatch 0.weight"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertFalse(Files.exists(dir.resolve("bad")), "nothing written for a refused config");
    }

    @Test
    void nonStrictTakesWhatMatchesAndListsTheDiff(@TempDir Path dir) throws Exception {
        Params given = Models.parse("mlp:64-16-10:tanh").init(Rng.seed(99), DType.FLOAT64);
        Safetensors.write(dir.resolve("w.safetensors"), given);
        // One more hidden layer: the first layer matches, the second has another shape, the third is new.
        CliRun.Result r = CliRun.run("train", config(dir, "mlp:64-16-16-10:tanh", "  init_strict: false", 1).toString(),
                "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        String log = Files.readString(dir.resolve("run/run.log"));
        assertTrue(log.contains("cast to float32"), log);
        assertTrue(log.contains("2 of 6 tensors loaded"), log);
        assertTrue(log.contains("shape differs, freshly initialized: [2.weight (model [16, 16] vs file [10, 16]), 2.bias"), log);
        assertTrue(log.contains("not in the file, freshly initialized: [4.weight, 4.bias]"), log);
    }

    @Test
    void libraryNonStrictKeepsMatchingTensorsExactly(@TempDir Path dir) throws Exception {
        Params given = Models.parse("mlp:4-3-2").init(Rng.seed(1), DType.FLOAT64);
        Path f = dir.resolve("w.safetensors");
        Safetensors.write(f, given);
        Params fresh = Models.parse("mlp:4-3-5").init(Rng.seed(2), DType.FLOAT64);
        var w = InitialWeights.load(f, fresh, false);
        assertArrayEquals(given.get("0.weight").toDoubleArray(), w.params().get("0.weight").toDoubleArray());
        assertArrayEquals(fresh.get("2.weight").toDoubleArray(), w.params().get("2.weight").toDoubleArray());
    }
}
