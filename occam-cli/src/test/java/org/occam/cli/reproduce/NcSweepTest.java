package org.occam.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.Main;

/** {@code occam reproduce nc-1} at a tiny size and its option checks. */
class NcSweepTest {
    @Test
    void cliRunsNc1(@TempDir Path dir) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("reproduce", "nc-1", "--model", "mlp:64-8-8-5:tanh", "--lrs", "0.3", "--batch-sizes", "128",
                    "--l2s", "1e-3", "--gc-coefs", "1e-3", "--loss-target", "0", "--max-epochs", "1", "--episodes", "3",
                    "--quick", "--out", dir.resolve("nc").toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("NC-1 GC → CDNV") && out.contains("report:"), out);
        assertTrue(Files.exists(dir.resolve("nc").resolve("report.html")));
        assertEquals(2, Main.run("reproduce", "nc-1", "--powers", "1", "--out", dir.resolve("x").toString()),
                "an option nc-1 does not use is an error");
        assertEquals(2, Main.run("reproduce", "eos", "--shots", "3", "--out", dir.resolve("y").toString()),
                "an nc-1 option elsewhere is an error");
    }
}
