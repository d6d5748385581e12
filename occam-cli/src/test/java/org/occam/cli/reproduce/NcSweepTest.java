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

    @Test
    void cliRunsTheCnnOnMnistAndRefusesBadValuesInOneLine(@TempDir Path dir) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("reproduce", "nc-1", "--data", "mnist", "--quick", "--seeds", "1", "--out", dir.resolve("nc").toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("NC-1 on mnist: pre-train cnn:1x28x28:2-4:4+5 on classes 0-4") && out.contains("NC-1 GC → CDNV"), out);
        assertTrue(Files.exists(dir.resolve("nc").resolve("report.html")));
        assertEquals("--data: unknown data set 'cifar' (allowed: digits, mnist)", refusal(dir, "--data", "cifar"));
        assertTrue(refusal(dir, "--data", "mnist", "--model", "cnn:1x28x28:2-4:4+x").startsWith("--model 'cnn:1x28x28:2-4:4+x':"
                + " the part after '+' must be the number of source classes"));
        assertEquals("--model mlp:64-8-5:tanh takes flat inputs [N, d] but --data mnist gives NCHW images; use e.g."
                + " cnn:1x28x28:16-32:64+5", refusal(dir, "--data", "mnist", "--model", "mlp:64-8-5:tanh"));
        assertEquals("--model cnn:1x8x8:4:5 takes images [N, C, H, W] but --data digits gives flat rows; use e.g."
                + " mlp:64-128-128-5:tanh", refusal(dir, "--model", "cnn:1x8x8:4:5"));
    }

    /** The error output of a refused nc-1 run: one line, exit code 2. */
    private static String refusal(Path dir, String... options) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] args = new String[options.length + 5];
        args[0] = "reproduce";
        args[1] = "nc-1";
        System.arraycopy(options, 0, args, 2, options.length);
        args[options.length + 2] = "--quick";
        args[options.length + 3] = "--out";
        args[options.length + 4] = dir.resolve("refused").toString();
        try {
            assertEquals(2, Main.run(args), String.join(" ", args));
        } finally {
            System.setErr(old);
        }
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\\R");
        assertEquals(1, lines.length, String.join("\n", lines));
        return lines[0].replaceFirst("^occam: ", "");
    }
}
