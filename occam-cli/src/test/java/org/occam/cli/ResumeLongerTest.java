package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --resume DIR --set train.steps=N} on a completed run continues it to N steps. */
class ResumeLongerTest {
    private static final String CONFIG = """
            model: mlp:64-16-10:tanh
            data:
              train: digits:train[:256]
              test: digits:test[:64]
            loss: cross_entropy
            optimizer: sgd
            lr: 0.1
            train:
              batch_size: 32
              steps: 20
              eval_every: 10
              checkpoint_every: 10
            seed: 1
            """;

    @Test
    void completedRunContinuesToTheNewStepCountWithTheBitsOfALongRun(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, CONFIG);
        Path run = dir.resolve("run");
        CliRun.Result first = CliRun.run("train", cfg.toString(), "--out", run.toString(), "--quiet");
        assertEquals(0, first.code(), first.err());
        // Before: a plain resume of a completed run does nothing.
        CliRun.Result plain = CliRun.run("train", "--resume", run.toString(), "--quiet");
        assertTrue(plain.err().contains("nothing to resume"), plain.err());
        // Now: with more steps it continues.
        CliRun.Result longer = CliRun.run("train", "--resume", run.toString(), "--set", "train.steps=40", "--quiet");
        assertEquals(0, longer.code(), longer.err());
        assertTrue(longer.out().contains("completed 40 steps"), longer.out());
        var status = new ObjectMapper().readTree(run.resolve("status.json").toFile());
        assertEquals(40, status.get("step").asLong(), status.toString());
        // The same bits as a run of 40 steps from the start.
        Path straight = dir.resolve("straight");
        assertEquals(0, CliRun.run("train", cfg.toString(), "--set", "train.steps=40", "--out", straight.toString(), "--quiet").code());
        assertEquals(lastRow(straight), lastRow(run));
        // Fewer steps than done is refused with one line.
        CliRun.Result fewer = CliRun.run("train", "--resume", run.toString(), "--set", "train.steps=30");
        assertEquals(2, fewer.code(), fewer.err());
        assertTrue(fewer.err().contains("already at step 40"), fewer.err());
    }

    private static String lastRow(Path run) throws Exception {
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        ObjectNode row = (ObjectNode) new ObjectMapper().readTree(lines.getLast());
        row.remove(List.of("time", "elapsed_s", "wall_s"));
        return row.toString();
    }
}
