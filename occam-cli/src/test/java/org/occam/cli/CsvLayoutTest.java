package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csv:} data with layout nchw: refused with one line naming the field, instead of silently ignored. */
class CsvLayoutTest {

    private static Path csv(Path dir) throws Exception {
        StringBuilder b = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < 8; i++) {
            b.append(i).append(",1,2,3,").append(i % 2).append('\n');
        }
        Path f = dir.resolve("d.csv");
        Files.writeString(f, b.toString());
        return f;
    }

    @Test
    void measureRefusesNchwForCsvAndStillMeasuresItFlat(@TempDir Path dir) throws Exception {
        Path f = csv(dir);
        // Before: --layout nchw was ignored and the CNN failed on flat rows deep inside the forward pass.
        CliRun.Result r = CliRun.run("measure", "--model", "cnn:1x2x2:4:2", "--data", "csv:" + f, "--layout", "nchw",
                "--metrics", "loss");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith("occam: --data: csv:") && r.err().contains("layout nchw does not apply"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        CliRun.Result flat = CliRun.run("measure", "--model", "mlp:4-3-2", "--data", "csv:" + f, "--metrics", "loss", "--json");
        assertEquals(0, flat.code(), flat.err());
    }

    @Test
    void trainConfigAlreadyRefusedItBeforeWritingAnything(@TempDir Path dir) throws Exception {
        Path f = csv(dir);
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, """
                model: cnn:1x2x2:4:2
                data: {train: "csv:%s", layout: nchw}
                loss: cross_entropy
                optimizer: sgd
                lr: 0.1
                train: {batch_size: 4, steps: 2}
                """.formatted(f));
        CliRun.Result r = CliRun.run("train", cfg.toString(), "--out", dir.resolve("run").toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("data.layout: nchw needs image data") && r.err().contains("csv:"), r.err());
        assertFalse(Files.exists(dir.resolve("run")));
    }
}
