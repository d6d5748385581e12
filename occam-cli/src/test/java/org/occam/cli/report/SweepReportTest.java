package org.occam.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.plot.ImageChecks;

class SweepReportTest {
    @Test
    void sweepReportHasTableHeatmapsScattersAndRunPages(@TempDir Path tmp) {
        Path sweep = FakeRuns.sweep(tmp.resolve("lr-batch"), true);
        assertTrue(Reports.isSweep(sweep));
        ReportResult r = Reports.write(sweep);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(5, r.runReports().size());
        for (Path p : r.runReports()) {
            assertTrue(Files.isRegularFile(p), p.toString());
            assertTrue(FakeRuns.read(p).contains("href=\"../report.html\""), "run pages link back");
        }
        String html = FakeRuns.read(r.html());
        assertFalse(html.contains("http://") || html.contains("https://"), "offline");
        assertTrue(html.contains("5 runs: 4 completed, 1 diverged"), "summary");
        assertTrue(html.contains("Swept parameters: lr, batch_size."), "parameters found from the CSV layout");
        assertTrue(html.contains("<a href=\"run-00/report.html\">run-00</a>"), "table links to run reports");
        assertTrue(html.contains("<td>0.9068</td>"), "table values");
        // heatmaps of train_loss, test_accuracy, gc, sharpness; scatters of test_accuracy vs gc and sharpness
        assertTrue(html.contains("test_accuracy by lr and batch_size"));
        assertTrue(html.contains("test_accuracy against final gc"));
        List<byte[]> images = ImageChecks.images(html);
        assertEquals(6, images.size());
        assertEquals(6, r.charts());
        for (byte[] png : images) {
            ImageChecks.assertDrawn(png, 800, 500, 20);
        }
    }

    @Test
    void sweepWithoutResultsCsvIsRebuiltFromTheRuns(@TempDir Path tmp) {
        Path sweep = FakeRuns.sweep(tmp.resolve("no-csv"), false);
        ReportResult r = Reports.write(sweep);
        String html = FakeRuns.read(r.html());
        assertTrue(html.contains("Results from the run folders"), "source named");
        assertTrue(html.contains("<th>optimizer.lr</th>") && html.contains("<th>train.batch_size</th>"), "config differences as parameters");
        assertFalse(html.contains("<th>name</th>"), "labels are not parameters");
        assertTrue(html.contains("<td>0.9375</td>"), "final metric from the final row");
        assertTrue(html.contains("diverged"));
        for (byte[] png : ImageChecks.images(html)) {
            ImageChecks.assertDrawn(png, 800, 500, 20);
        }
        assertTrue(ImageChecks.images(html).size() >= 8);
    }

    @Test
    void aBrokenRunIsReportedButDoesNotStopTheSweep(@TempDir Path tmp) throws Exception {
        Path sweep = FakeRuns.sweep(tmp.resolve("broken"), true);
        Files.writeString(sweep.resolve("run-01/metrics.jsonl"), "{\"step\":0,\"loss\":1}\nnot json\n{\"step\":5,\"loss\":1}\n");
        ReportResult r = Reports.write(sweep);
        assertEquals(4, r.runReports().size());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().getFirst().contains("run-01") && r.problems().getFirst().contains("line 2"), r.problems().toString());
        assertTrue(FakeRuns.read(r.html()).contains("Problems"));
    }

    @Test
    void csvColumnsAreClassified() {
        assertTrue(SweepTable.isMetricName("test_accuracy"));
        assertTrue(SweepTable.isMetricName("final_gc"));
        assertTrue(SweepTable.isMetricName("val_loss"));
        assertFalse(SweepTable.isMetricName("lr"));
        assertFalse(SweepTable.isMetricName("batch_size"));
    }
}
