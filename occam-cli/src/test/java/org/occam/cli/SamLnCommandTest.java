package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reproduce sam-ln --quick} and the SAM / label-noise config entries through the CLI (docs/sam.md). */
class SamLnCommandTest {

    @Test
    void quickJsonHasFourClaimsAndIdenticalRunsForAnyParallelism(@TempDir Path dir) throws Exception {
        CliRun.Result r = CliRun.run("reproduce", "sam-ln", "--quick", "--json", "--out", dir.resolve("a").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("SAM-1/LN-1", j.get("reproduction").asText());
        assertTrue(j.get("quick").asBoolean());
        assertEquals(4, j.get("claims").size());
        for (JsonNode c : j.get("claims")) {
            assertEquals(2, c.get("n").asInt());
            assertTrue(List.of("supported", "contradicted", "inconclusive").contains(c.get("verdict").asText()));
            assertTrue(c.get("resolution").asDouble() >= 0);
        }
        assertEquals(6, j.get("runs").size());
        assertTrue(Files.exists(dir.resolve("a").resolve("report.html")));
        CliRun.Result p = CliRun.run("reproduce", "sam-ln", "--quick", "--json", "--parallel", "2", "--out",
                dir.resolve("b").toString());
        assertEquals(0, p.code(), p.err());
        JsonNode k = new ObjectMapper().readTree(p.out());
        for (int i = 0; i < 6; i++) {
            for (String f : List.of("steps", "train_loss", "lambda_max", "trace", "test_accuracy")) {
                assertEquals(j.get("runs").get(i).get(f).asDouble(), k.get("runs").get(i).get(f).asDouble(), 0,
                        "run " + i + " " + f + " with --parallel 2");
            }
        }
    }

    @Test
    void configTrainsWithSamLabelFlipsAndTheSamMonitor(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("sam.yaml");
        Files.writeString(cfg, """
                model: mlp:64-16-10:tanh
                data: {train: 'digits:train[:64]'}
                loss: cross_entropy
                optimizer: sgd
                lr: 0.1
                regularizers:
                  - {name: label_flip_sgd, p: 0.2}
                  - {name: sam, rho: 0.05}
                monitors:
                  - {name: sam_sharpness, every: 2, samples: 32, rho: 0.05}
                train: {batch_size: 16, steps: 4, eval_every: 2}
                seed: 0
                """);
        CliRun.Result r = CliRun.run("train", cfg.toString(), "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(0, r.code(), r.out() + r.err());
        String metrics = Files.readString(dir.resolve("run").resolve("metrics.jsonl"));
        assertTrue(metrics.contains("sam_sharpness") && metrics.contains("sam_ascent_loss"), metrics);
    }

    @Test
    void badSamRadiusIsOneLineNamingTheField(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, """
                model: mlp:64-16-10:tanh
                data: {train: 'digits:train[:64]'}
                optimizer: sgd
                lr: 0.1
                regularizers:
                  - {name: sam, rho: -1}
                train: {batch_size: 16, steps: 2}
                """);
        CliRun.Result r = CliRun.run("train", cfg.toString(), "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("rho"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
