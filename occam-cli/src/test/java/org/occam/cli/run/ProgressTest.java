package org.occam.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three console modes: bar on a terminal, plain lines elsewhere, nothing when quiet; the log always gets lines. */
class ProgressTest {

    private static Map<String, Object> row(long step) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("step", step);
        r.put("loss", 1.0 / (step + 1));
        if (step % 5 == 0) {
            r.put("test_accuracy", 0.5);
        }
        return r;
    }

    private static String drive(Progress.Mode mode, Path log) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (RunLog l = RunLog.append(log)) {
            Progress p = new Progress(mode, new PrintStream(b, true, StandardCharsets.UTF_8), l, 0, 40);
            for (long s = 0; s < 40; s++) {
                p.row(row(s));
            }
            p.finish();
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void barIsRedrawnInPlaceAndEndsWithANewline(@TempDir Path dir) {
        String out = drive(Progress.Mode.BAR, dir.resolve("log"));
        assertTrue(out.startsWith("\r  3% [#.......................] step 1/40  loss 1.000  ETA ?"), out);
        assertTrue(out.contains("\r100% [########################] step 40/40  loss 0.02500  ETA 0:00"), out);
        assertTrue(out.endsWith("\n") && out.indexOf('\n') == out.length() - 1, out);
    }

    @Test
    void plainLinesEveryTwentiethOfTheRun(@TempDir Path dir) throws Exception {
        String out = drive(Progress.Mode.LINES, dir.resolve("log"));
        assertEquals(21, out.lines().count(), out);
        assertTrue(out.startsWith("step 1/40  loss 1.000  test_acc 0.5000  ETA ?\n"), out);
        assertEquals(21, Files.readAllLines(dir.resolve("log")).size());
    }

    @Test
    void linesShowTheMonitorsLatestValues(@TempDir Path dir) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (RunLog l = RunLog.append(dir.resolve("log"))) {
            Progress p = new Progress(Progress.Mode.LINES, new PrintStream(b, true, StandardCharsets.UTF_8), l, 0, 40);
            for (long s = 0; s < 40; s++) {
                Map<String, Object> r = row(s);
                if (s % 10 == 0) {
                    r.put("sharpness", 10.0 + s);
                    r.put("gc", 0.5);
                }
                p.row(r);
            }
        }
        String out = b.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("step 1/40  loss 1.000  test_acc 0.5000  sharpness 10.00  gc 0.5000  ETA ?\n"), out);
        assertTrue(out.contains("step 11/40  loss 0.09091  test_acc 0.5000  sharpness 20.00  gc 0.5000  ETA "), out);
    }

    @Test
    void quietPrintsNothingButStillLogs(@TempDir Path dir) throws Exception {
        assertEquals("", drive(Progress.Mode.QUIET, dir.resolve("log")));
        assertEquals(21, Files.readAllLines(dir.resolve("log")).size());
    }

    @Test
    void durationsAndModes() {
        assertEquals("0:42", Progress.duration(42));
        assertEquals("1:02:03", Progress.duration(3723));
        assertEquals(Progress.Mode.QUIET, Progress.modeFor(true, true));
        assertEquals(Progress.Mode.BAR, Progress.modeFor(false, true));
        assertEquals(Progress.Mode.LINES, Progress.modeFor(false, false));
    }
}
