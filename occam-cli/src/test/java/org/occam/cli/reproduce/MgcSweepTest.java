package org.occam.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.Main;

/** {@code occam reproduce mgc-1} and the mgc1 sweep file at tiny sizes. */
class MgcSweepTest {
    @Test
    void cliRunsMgc1(@TempDir Path dir) {
        String out = HomSweepTest.capture(() -> assertEquals(0, Main.run("reproduce", "mgc-1", "--samples", "40",
                "--corruptions", "0,1", "--lrs", "0.5", "--quick", "--max-steps", "300", "--loss-target", "0.5",
                "--model", "mlp:64-16-10:relu", "--out", dir.resolve("mgc").toString())));
        assertTrue(out.contains("MGC-1: mlp:64-16-10:relu on 40 digits training rows") && out.contains("random h = 0.5 s=0")
                && out.contains("claim: random labels give much larger GC/γ² than true labels"), out);
        assertTrue(Files.exists(dir.resolve("mgc/report.html")));
        assertEquals(2, Main.run("reproduce", "mgc-1", "--lr", "0.1", "--out", dir.resolve("x").toString()));
        assertEquals(2, Main.run("reproduce", "mgc-1", "--corruptions", "0,2", "--out", dir.resolve("y").toString()));
    }

    @Test
    void theMgc1SweepFileRunsAtATinySize(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mgc1");
        String printed = HomSweepTest.capture(() -> assertEquals(0, Main.run("sweep",
                HomSweepTest.examples().resolve("sweeps/mgc1_labels.yaml").toString(), "--out", out.toString(), "--no-report",
                "--quiet", "--parallel", "2", "--set", "train.steps=3", "--set", "train.eval_every=0")));
        assertTrue(printed.contains("8 runs: 8 completed"), printed);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(9, csv.size());
        assertTrue(csv.getFirst().startsWith("run,data.random_labels,lr,seed,"), csv.getFirst());
        for (String col : List.of("final_gc", "final_margin_gamma", "final_gc_over_gamma2", "final_train_accuracy",
                "final_test_accuracy")) {
            assertTrue(csv.getFirst().contains(col), col + " in " + csv.getFirst());
        }
    }
}
