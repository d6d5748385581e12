package org.occam.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.Main;

/** {@code occam reproduce eos, dal, clr}: dispatch and option checks. */
class LrSweepsTest {
    @Test
    void cliDispatchesTheThreeReproductions(@TempDir Path dir) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("reproduce", "eos", "--samples", "40", "--max-steps", "10", "--every", "5", "--lrs",
                    "0.05", "--model", "mlp:64-6-10:tanh", "--quick", "--out", dir.resolve("eos").toString()));
            assertEquals(0, Main.run("reproduce", "dal", "--samples", "40", "--max-steps", "10", "--every", "5", "--powers",
                    "1,2", "--model", "mlp:64-6-10:tanh", "--quick", "--out", dir.resolve("dal").toString()));
            assertEquals(0, Main.run("reproduce", "clr", "--samples", "20", "--max-steps", "100", "--model",
                    "mlp:64-4-1:tanh", "--quick", "--out", dir.resolve("clr").toString()));
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.contains("EOS-1") && out.contains("DAL-1") && out.contains("CLR-1") && out.contains("COR-1"), out);
        for (String n : List.of("eos", "dal", "clr")) {
            assertTrue(Files.exists(dir.resolve(n).resolve("report.html")), n);
        }
        assertEquals(2, Main.run("reproduce", "eos", "--powers", "1", "--out", dir.resolve("x").toString()),
                "an option the reproduction does not use is an error");
        assertEquals(2, Main.run("reproduce", "nope"));
    }
}
