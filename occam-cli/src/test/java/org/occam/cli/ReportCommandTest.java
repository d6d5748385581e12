package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

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
        CliRun.Result r = CliRun.run("report", dir.toString(), "--charts");
        assertEquals("0", String.valueOf(r.code()), r.err());
        assertTrue(r.out().contains("report.html"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("report.html")));
        assertTrue(Files.isRegularFile(dir.resolve("charts/loss.png")) && Files.isRegularFile(dir.resolve("charts/loss.svg")));
        assertTrue(Files.isRegularFile(dir.resolve("charts/lr.png")));
    }

    @Test
    void malformedMetricsExitWithTwoAndNameTheLine(@TempDir Path tmp) throws Exception {
        Path dir = run(tmp.resolve("bad"));
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\":0,\"loss\":1}\n{oops}\n");
        CliRun.Result r = CliRun.run("report", dir.toString());
        assertEquals("2", String.valueOf(r.code()));
        assertTrue(r.err().contains("metrics.jsonl line 2"), r.err());
    }

    @Test
    void notARunFolder(@TempDir Path tmp) {
        CliRun.Result r = CliRun.run("report", tmp.toString());
        assertEquals("2", String.valueOf(r.code()));
        assertTrue(r.err().contains("neither a run folder"), r.err());
    }

    @Test
    void helpHasExamples() {
        CliRun.Result r = CliRun.run("report", "--help");
        assertEquals("0", String.valueOf(r.code()));
        assertTrue(r.out().contains("Examples:") && r.out().contains("./occam report runs/"), r.out());
    }
}
