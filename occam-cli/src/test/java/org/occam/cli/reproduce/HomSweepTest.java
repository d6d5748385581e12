package org.occam.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.Main;

/** {@code occam reproduce hom-1}, its option checks, the hom1 sweep file and the margins monitor. */
class HomSweepTest {
    @Test
    void cliRunsHom1AndRejectsOptionsItDoesNotUse(@TempDir Path dir) throws Exception {
        String out = capture(() -> assertEquals(0, Main.run("reproduce", "hom-1", "--steps", "256", "--samples", "20",
                "--every", "8", "--model", "mlp:2-6-1:relu:nobias", "--quick", "--out", dir.resolve("hom").toString())));
        assertTrue(out.contains("HOM-1: mlp:2-6-1:relu:nobias on separable (20 points)") && out.contains("claim: the smoothed"
                + " margin γ̃ is non-decreasing once L < log 2"), out);
        assertTrue(Files.exists(dir.resolve("hom/report.html")));
        assertEquals(2, Main.run("reproduce", "hom-1", "--corruptions", "0,1", "--out", dir.resolve("x").toString()));
        assertEquals(2, Main.run("reproduce", "eos", "--lr", "0.1", "--out", dir.resolve("y").toString()));
        assertEquals(2, Main.run("reproduce", "hom-1", "--model", "mlp:2-6-1:relu", "--steps", "4", "--out",
                dir.resolve("z").toString()), "a model with biases is not homogeneous");
    }

    @Test
    void theHom1SweepFileRunsAtATinySize(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("hom1");
        String printed = capture(() -> assertEquals(0, Main.run("sweep", examples().resolve("sweeps/hom1_lr.yaml").toString(),
                "--out", out.toString(), "--no-report", "--quiet", "--set", "train.steps=16")));
        assertTrue(printed.contains("3 runs: 3 completed"), printed);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(4, csv.size());
        for (String col : List.of("final_smoothed_margin", "final_normalized_margin", "final_param_norm", "final_dir_cos",
                "final_align_cos")) {
            assertTrue(csv.getFirst().contains(col), col + " in " + csv.getFirst());
        }
    }

    @Test
    void theMarginsMonitorRefusesANonHomogeneousModelWithAHint(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("biased.yaml");
        Files.writeString(cfg, """
                model: mlp:2-4-1:relu
                data: {train: {name: linearly_separable, n: 20}, test: none}
                loss: logistic
                lr: 0.1
                train: {batch_size: full, steps: 2}
                monitors: [margins]
                """);
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.run("train", cfg.toString(), "--out", dir.resolve("run").toString(), "--quiet"));
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("monitors: margins: model is not homogeneous: layer 0"
                + " Linear(2, 4) has a bias (use a :nobias model); set normalize: false"), err.toString(StandardCharsets.UTF_8));
        Files.writeString(cfg, Files.readString(cfg).replace("monitors: [margins]", "monitors: [{name: margins, normalize: false}]"));
        HomSweepTest.capture(() -> assertEquals(0, Main.run("train", cfg.toString(), "--out", dir.resolve("run2").toString(),
                "--quiet")));
    }

    static Path examples() {
        Path p = Path.of("examples");
        return Files.isDirectory(p) ? p : Path.of("..", "examples");
    }

    /** Runs the body with standard output captured and returns what it printed. */
    static String capture(Runnable body) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
