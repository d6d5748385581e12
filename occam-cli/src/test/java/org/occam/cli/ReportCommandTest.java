package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static String[] capture(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Path run(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.yaml"), "name: tiny\ntrain: {steps: 20}\n");
        StringBuilder m = new StringBuilder();
        for (int s = 0; s <= 20; s += 2) {
            m.append(String.format(Locale.ROOT, "{\"step\":%d,\"loss\":%.4f,\"lr\":0.1}%n", s, 1.0 / (1 + s)));
        }
        Files.writeString(dir.resolve("metrics.jsonl"), m.toString());
        Files.writeString(dir.resolve("status.json"), "{\"state\":\"completed\",\"step\":20,\"message\":null}");
        return dir;
    }

    @Test
    void writesTheReportAndPrintsItsPath(@TempDir Path tmp) throws Exception {
        Path dir = run(tmp.resolve("tiny"));
        String[] r = capture("report", dir.toString(), "--charts");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("report.html"), r[1]);
        assertTrue(Files.isRegularFile(dir.resolve("report.html")));
        assertTrue(Files.isRegularFile(dir.resolve("charts/loss.png")) && Files.isRegularFile(dir.resolve("charts/loss.svg")));
        assertTrue(Files.isRegularFile(dir.resolve("charts/lr.png")));
    }

    @Test
    void malformedMetricsExitWithTwoAndNameTheLine(@TempDir Path tmp) throws Exception {
        Path dir = run(tmp.resolve("bad"));
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\":0,\"loss\":1}\n{oops}\n");
        String[] r = capture("report", dir.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("metrics.jsonl line 2"), r[2]);
    }

    @Test
    void notARunFolder(@TempDir Path tmp) {
        String[] r = capture("report", tmp.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("neither a run folder"), r[2]);
    }

    @Test
    void helpHasExamples() {
        String[] r = capture("report", "--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("Examples:") && r[1].contains("./occam report runs/"), r[1]);
    }
}
