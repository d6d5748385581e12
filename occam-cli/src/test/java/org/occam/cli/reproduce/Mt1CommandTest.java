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

/** {@code occam reproduce mt-1}: the command at a tiny size and its option checks. */
class Mt1CommandTest {
    @Test
    void cliRunsMt1AndRejectsOptionsItDoesNotUse(@TempDir Path dir) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        int every;
        int time;
        try {
            code = Main.run("reproduce", "mt-1", "--samples", "30", "--lrs", "0.1,0.3", "--time", "2", "--quick",
                    "--max-steps", "12", "--model", "mlp:8-4-2:tanh", "--out", dir.resolve("mt1").toString());
            every = Main.run("reproduce", "mt-1", "--every", "5", "--out", dir.resolve("x").toString());
            time = Main.run("reproduce", "eos", "--time", "5", "--out", dir.resolve("y").toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("MT-1 cos vs h") && out.contains("MT-1 continual: Lie bracket"), out);
        assertTrue(Files.exists(dir.resolve("mt1").resolve("report.html")));
        assertEquals(2, every, "--every is not an mt-1 option");
        assertEquals(2, time, "--time is only for mt-1");
    }
}
