package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.io.FolderLock;

class LandscapeCommandTest {

    private static final String CONFIG = """
            model: mlp:64-12-10:tanh
            data: digits
            loss: cross_entropy
            optimizer: sgd
            lr: 0.2
            train:
              batch_size: 64
              steps: 40
              eval_every: 0
              checkpoint_every: 40
            seed: 3
            """;

    @Test
    void drawsTheLandscapeOfAReplayedRun(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("run.yaml");
        Files.writeString(cfg, CONFIG);
        Path run = dir.resolve("run");
        assertEquals(0, CliRun.run("train", cfg.toString(), "--out", run.toString()).code());
        CliRun.Result r = CliRun.run("landscape", run.toString(), "--grid", "5", "--snapshots", "6", "--line-points", "5",
                "--points", "64");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("replay: bit-identical to the run's final checkpoint (step 40)"), r.err());
        JsonNode j = new ObjectMapper().readTree(run.resolve("landscape/landscape.json").toFile());
        assertEquals(5, j.get("pca_slice").get("loss_by_alpha_then_beta").size());
        assertEquals(5, j.get("random_slice").get("loss_by_alpha_then_beta").get(0).size());
        JsonNode steps = j.get("trajectory").get("steps");
        assertEquals(0, steps.get(0).asLong());
        assertEquals(40, steps.get(steps.size() - 1).asLong());
        assertEquals(steps.size(), j.get("trajectory").get("x").size());
        // the final iterate is the centre of both planes: its coordinates are 0 and the middle of the random slice is its loss
        assertEquals(0.0, j.get("trajectory").get("x").get(steps.size() - 1).asDouble(), 0.0);
        double centre = j.get("random_slice").get("loss_by_alpha_then_beta").get(2).get(2).asDouble();
        JsonNode line = j.get("interpolation_init_to_final");
        int one = -1;
        for (int i = 0; i < line.get("t").size(); i++) {
            if (line.get("t").get(i).asDouble() == 1.0) {
                one = i;
            }
        }
        assertTrue(one >= 0, "t = 1 is added to the grid of 5 points over [-0.25, 1.25]");
        assertEquals(7, line.get("t").size());
        assertEquals(centre, line.get("loss").get(one).asDouble(), 1e-12 * centre);
        assertTrue(Files.readString(run.resolve("landscape/report.html")).contains("Look at the path: the training trajectory"));

        // a run folder held by another process or thread (a resume in progress) is refused, not read under it
        CompletableFuture<FolderLock> held = CompletableFuture.supplyAsync(() -> FolderLock.acquire(run, "test holder"));
        FolderLock lock = held.get();
        try {
            CliRun.Result busy = CliRun.run("landscape", run.toString(), "--grid", "5", "--snapshots", "6");
            assertEquals(2, busy.code(), busy.err());
            assertTrue(busy.err().startsWith("occam: ") && busy.err().contains("test holder"), busy.err());
            assertEquals(1, busy.err().strip().lines().count(), busy.err());
        } finally {
            lock.close();
        }
    }

    @Test
    void refusesAFolderThatIsNotARun(@TempDir Path dir) {
        CliRun.Result r = CliRun.run("landscape", dir.toString());
        assertEquals(2, r.code());
        assertEquals("occam: " + dir + " is not a run folder (it has no config.yaml)", r.err().strip());
    }
}
