package org.occam.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.plot.ImageChecks;

class RunReportTest {
    @Test
    void runReportIsOfflineAndShowsEverything(@TempDir Path tmp) {
        Path run = FakeRuns.run(tmp.resolve("digits-sgd"), 0.1, 32, -1);
        ReportResult r = Reports.write(run);
        assertEquals(run.resolve("report.html"), r.html());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        String html = FakeRuns.read(r.html());
        assertFalse(html.contains("http://") || html.contains("https://"), "the report must not reference the network");
        assertFalse(html.contains("<script") || html.contains("<link"), "no scripts or linked resources");
        assertTrue(html.contains("Run digits-sgd"));
        assertTrue(html.contains("badge completed"));
        assertTrue(html.contains("step 200 of 200"));
        // config verbatim (escaped), and the log
        assertTrue(html.contains("optimizer: {name: sgd, lr: 0.1}"), "config shown");
        assertTrue(html.contains("note: &quot;a &lt; b &amp; c&quot;"), "config text is escaped");
        assertTrue(html.contains("starting &lt;run&gt;"), "log shown, escaped");
        // summary table: final row values win
        assertTrue(html.contains("<td>test_accuracy</td><td>0.9375</td><td>200</td>"), "final test accuracy in the table");
        assertTrue(html.contains("<td>weight_norm</td>"), "unknown keys are summarized too");
        // charts: loss, accuracy, sharpness (+2/h), gc, grad_norm, lr, weight_norm
        List<byte[]> images = ImageChecks.images(html);
        assertEquals(7, images.size(), "one chart per metric group");
        assertEquals(7, r.charts());
        for (byte[] png : images) {
            ImageChecks.assertDrawn(png, 800, 500, 20);
        }
        assertTrue(html.contains("Sharpness and the 2/h threshold"));
        assertTrue(html.contains("Loss (log scale)"), "a loss spanning decades gets a log axis");
    }

    @Test
    void divergedRunIsMarked(@TempDir Path tmp) {
        Path run = FakeRuns.run(tmp.resolve("hot"), 1.0, 32, 40);
        String html = FakeRuns.read(Reports.writeRunReport(run).html());
        assertTrue(html.contains("badge diverged"));
        assertTrue(html.contains("loss is NaN"));
        assertTrue(html.contains("the run diverged at step 40"));
        assertTrue(html.contains("<td>loss</td><td>NaN</td><td>40</td>"), "the last loss is shown as NaN");
        for (byte[] png : ImageChecks.images(html)) {
            ImageChecks.assertDrawn(png, 800, 500, 20);
        }
    }

    @Test
    void malformedLineNamesFileAndLine(@TempDir Path tmp) throws Exception {
        Path run = FakeRuns.run(tmp.resolve("bad"), 0.1, 32, -1);
        Path metrics = run.resolve("metrics.jsonl");
        List<String> lines = Files.readAllLines(metrics);
        lines.set(2, "{\"step\": 10, \"loss\": 0.5,,}");
        Files.write(metrics, lines);
        ReportException e = assertThrows(ReportException.class, () -> Reports.write(run));
        assertTrue(e.getMessage().contains(metrics.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());

        lines.set(2, "{\"loss\": 0.5}");
        Files.write(metrics, lines);
        ReportException noStep = assertThrows(ReportException.class, () -> Reports.write(run));
        assertTrue(noStep.getMessage().contains("line 3") && noStep.getMessage().contains("step"), noStep.getMessage());
    }

    @Test
    void partlyWrittenLastLineOfARunningRunIsSkipped(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("live");
        Files.createDirectories(run);
        Files.writeString(run.resolve("metrics.jsonl"), "{\"step\":0,\"loss\":1.0}\n{\"step\":5,\"loss\":0.8}\n{\"step\":10,\"lo");
        Files.writeString(run.resolve("status.json"), "{\"state\":\"running\",\"step\":10,\"total_steps\":100,\"message\":null}");
        ReportResult r = Reports.write(run);
        String html = FakeRuns.read(r.html());
        assertTrue(html.contains("badge running"));
        assertTrue(html.contains("No config.yaml"));
        assertEquals(1, ImageChecks.images(html).size());
    }

    @Test
    void neitherRunNorSweepIsAnError(@TempDir Path tmp) {
        ReportException e = assertThrows(ReportException.class, () -> Reports.write(tmp));
        assertTrue(e.getMessage().contains("neither a run folder"), e.getMessage());
    }
}
