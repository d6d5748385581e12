package org.occam.cli.config;

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

/** The collapse monitor from configs: the example sweep at a tiny size records its keys; bad target settings are errors. */
class NcMonitorConfigTest {

    static Path examples() {
        Path p = Path.of("examples");
        return Files.isDirectory(p) ? p : Path.of("..", "examples");
    }

    record Out(int code, String out, String err) {
    }

    static Out run(String... args) {
        PrintStream o = System.out;
        PrintStream e = System.err;
        ByteArrayOutputStream ob = new ByteArrayOutputStream();
        ByteArrayOutputStream eb = new ByteArrayOutputStream();
        System.setOut(new PrintStream(ob, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(eb, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Out(code, ob.toString(StandardCharsets.UTF_8), eb.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    @Test
    void theNc1SweepRecordsTheCollapseKeysPerRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nc1");
        Out r = run("sweep", examples().resolve("sweeps/nc1_pretrain.yaml").toString(), "--out", out.toString(), "--parallel",
                "2", "--no-report", "--quiet", "--set", "train.epochs=null", "--set", "train.steps=2", "--set",
                "train.eval_every=0", "--set", "model=mlp:64-8-8-5:tanh", "--set", "monitors.0.samples=60", "--set",
                "monitors.0.episodes=3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("sweep nc1_pretrain: 27 runs: 27 completed"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(28, csv.size());
        String header = csv.getFirst();
        for (String key : List.of("final_nc1", "final_cdnv", "final_ncc_accuracy", "final_embedding_gc", "final_gc_cdnv_bound",
                "final_target_nc1", "final_target_cdnv", "final_target_ncc_accuracy", "final_fewshot_accuracy",
                "final_fewshot_stderr")) {
            assertTrue(header.contains("," + key + ","), key + " in " + header);
        }
        assertTrue(header.startsWith("run,lr,train.batch_size,regularizers,final_step,"), header);
        assertTrue(csv.get(27).startsWith("026-lr_0.5-batch_size_128-regularizers_"), csv.get(27));
    }

    @Test
    void targetClassesWithoutTargetDataIsAnError(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, """
                model: mlp:64-8-5:tanh
                data: {train: digits, classes: [0, 1, 2, 3, 4]}
                lr: 0.1
                monitors: [{name: collapse, target_classes: [5, 6]}]
                train: {batch_size: 32, steps: 2}
                """);
        Out r = run("train", cfg.toString(), "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("target_classes needs target_data"), r.err());

        Files.writeString(cfg, Files.readString(cfg).replace("target_classes: [5, 6]", "target_data: digits:all, target_classes: [5, 12]"));
        Out bad = run("train", cfg.toString(), "--out", dir.resolve("run2").toString(), "--quiet");
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("collapse.target_classes") && bad.err().contains("not 12"), bad.err());
    }
}
