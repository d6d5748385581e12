package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.report.Metrics;
import org.occam.cli.report.RunState;
import org.occam.io.FolderLock;

/** In-process checks of run safety: checkpoint fallback on resume, the latest pointer, keep_checkpoints, a dead run's state. */
class RunSafetyTest {

    static final String CONFIG = """
            model: mlp:64-16-10:tanh
            data: digits
            lr: 0.1
            train: {batch_size: 32, steps: 30, eval_every: 10, checkpoint_every: 10}
            seed: 3
            """;

    private static Path train(Path dir, String name, String... sets) throws Exception {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, CONFIG);
        Path run = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", cfg.toString(), "--out", run.toString(), "--quiet"));
        for (String s : sets) {
            args.addAll(List.of("--set", s));
        }
        CliRun.Result r = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return run;
    }

    private static void markRunning(Path run) throws Exception {
        Files.writeString(run.resolve("status.json"), "{\"state\":\"running\",\"step\":30,\"total_steps\":30,\"message\":null}\n");
    }

    @Test
    void resumeFallsBackPastAnUnreadableCheckpointAndSaysSo(@TempDir Path dir) throws Exception {
        Path straight = train(dir, "straight");
        Path run = train(dir, "broken");
        assertEquals(List.of("latest", "step-000000010", "step-000000020", "step-000000030"),
                Files.list(run.resolve("checkpoints")).map(p -> p.getFileName().toString()).sorted().toList());
        Files.writeString(run.resolve("checkpoints/step-000000030/model.safetensors"), "not a checkpoint");
        markRunning(run);
        CliRun.Result r = CliRun.run("train", "--resume", run.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("occam: warning: ")).toList();
        assertEquals(1, warnings.size(), r.err());
        assertTrue(warnings.getFirst().startsWith("occam: warning: checkpoint step-000000030 cannot be read ("), warnings.getFirst());
        assertTrue(warnings.getFirst().endsWith("); resuming from step-000000020, the newest valid checkpoint"), warnings.getFirst());
        assertEquals(Files.readString(straight.resolve("metrics.jsonl")), Files.readString(run.resolve("metrics.jsonl")));
        assertEquals(-1L, Files.mismatch(straight.resolve("checkpoints/step-000000030/model.safetensors"),
                run.resolve("checkpoints/step-000000030/model.safetensors")));
    }

    @Test
    void aLatestPointerOutsideTheRunIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
        Path other = train(dir, "other");
        Path run = train(dir, "run", "seed=4");
        Files.writeString(run.resolve("checkpoints/latest"), "../../other/checkpoints/step-000000030\n");
        markRunning(run);
        String before = Files.readString(run.resolve("metrics.jsonl"));
        CliRun.Result r = CliRun.run("train", "--resume", run.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("occam: " + run.resolve("checkpoints/latest") + " names '../../other/checkpoints/"
                + "step-000000030', not a checkpoint folder of this run"), r.err());
        assertEquals(before, Files.readString(run.resolve("metrics.jsonl")), "nothing written");
        assertTrue(Files.exists(other.resolve("checkpoints/step-000000030")));
    }

    @Test
    void keepCheckpointsIsConfigurableAndValidated(@TempDir Path dir) throws Exception {
        Path run = train(dir, "one", "train.keep_checkpoints=1");
        assertEquals(List.of("latest", "step-000000030"),
                Files.list(run.resolve("checkpoints")).map(p -> p.getFileName().toString()).sorted().toList());
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("keep_checkpoints: 1"));
        CliRun.Result bad = CliRun.run("train", dir.resolve("c.yaml").toString(), "--out", dir.resolve("bad").toString(),
                "--set", "train.keep_checkpoints=0");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("keep_checkpoints"), bad.err());
        assertTrue(!Files.exists(dir.resolve("bad")), "nothing written");
    }

    @Test
    void aRunningRunWhoseLockIsFreeReadsAsInterrupted(@TempDir Path dir) throws Exception {
        Path run = train(dir, "dead");
        markRunning(run);
        Metrics m = Metrics.read(run.resolve("metrics.jsonl"));
        RunState dead = RunState.of(run, m);
        assertEquals("interrupted", dead.state());
        assertTrue(dead.message().contains("resume with ./occam train --resume " + run), dead.message());
        try (FolderLock held = FolderLock.acquire(run, "a live run")) {
            assertEquals("running", RunState.of(run, m).state());
        }
        Files.delete(run.resolve(FolderLock.FILE));
        assertEquals("running", RunState.of(run, m).state(), "a folder never locked (an older version's run) is taken at its word");
    }
}
