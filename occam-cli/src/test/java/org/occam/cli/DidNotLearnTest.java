package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that ends where it started is flagged "did not learn" in status.json, the summary and the report. */
class DidNotLearnTest {
    private static final String CONFIG = """
            model: mlp:64-16-10:tanh
            data: digits:train[:256]
            loss: cross_entropy
            optimizer: sgd
            lr: %s
            train:
              batch_size: 64
              steps: 60
              eval_every: 20
            seed: 2
            """;

    private static CliRun.Result train(Path dir, String lr) throws Exception {
        Path cfg = dir.resolve("c" + lr + ".yaml");
        Files.writeString(cfg, CONFIG.formatted(lr));
        return CliRun.run("train", cfg.toString(), "--out", dir.resolve("run" + lr).toString(), "--quiet");
    }

    @Test
    void flatRunIsFlaggedAndALearningRunIsNot(@TempDir Path dir) throws Exception {
        // Before the check, a learning rate of 1e-7 "completed" like any other run.
        CliRun.Result flat = train(dir, "1e-7");
        assertEquals(0, flat.code(), flat.err());
        assertTrue(flat.out().contains("completed 60 steps but did not learn: final train accuracy"), flat.out());
        var status = new ObjectMapper().readTree(dir.resolve("run1e-7/status.json").toFile());
        assertEquals("completed", status.get("state").asText());
        assertTrue(status.get("message").asText().startsWith("did not learn"), status.toString());
        assertEquals(0, CliRun.run("report", dir.resolve("run1e-7").toString()).code());
        assertTrue(Files.readString(dir.resolve("run1e-7/report.html")).contains("did not learn"));

        CliRun.Result learns = train(dir, "0.5");
        assertEquals(0, learns.code(), learns.err());
        assertFalse(learns.out().contains("did not learn"), learns.out());
        assertTrue(new ObjectMapper().readTree(dir.resolve("run0.5/status.json").toFile()).get("message").isNull());
    }
}
