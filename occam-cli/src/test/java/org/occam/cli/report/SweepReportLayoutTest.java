package org.occam.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep report tables: 4 significant digits, a scrolling box of their own, a title from sweep.yaml. */
class SweepReportLayoutTest {

    @Test
    void metricCellsHaveFourSignificantDigitsAndParametersStayAsWritten(@TempDir Path tmp) throws Exception {
        Path sweep = FakeRuns.sweep(tmp.resolve("lr-batch"), true);
        // results.csv keeps full precision, as a sweep writes it.
        Path csv = sweep.resolve("results.csv");
        Files.writeString(csv, Files.readString(csv).replace("0.9068", "0.906812345678901").replace("0.0203", "0.020312500000000001"));
        String html = Files.readString(Reports.write(sweep).html());
        // Before: <td>0.906812345678901</td>.
        assertFalse(html.contains("0.906812345678901"), "no full-precision cells");
        assertTrue(html.contains("<td>0.9068</td>"), "4 significant digits");
        assertTrue(html.contains("<td>0.02031</td>"), "4 significant digits of a small value");
        assertTrue(html.contains("<td>0.01</td>") && html.contains("<td>128</td>"), "parameters as written");
    }

    @Test
    void tablesScrollInsideTheirBoxAndTheTitleComesFromTheSweepFile(@TempDir Path tmp) throws Exception {
        Path sweep = FakeRuns.sweep(tmp.resolve("folder-name"), true);
        String untitled = Files.readString(Reports.write(sweep).html());
        assertTrue(untitled.contains("<title>Sweep folder-name</title>"), "no sweep.yaml: the folder's name");
        Files.writeString(sweep.resolve("sweep.yaml"), """
                name: digits_lr_batch
                axes:
                  - {key: lr, values: [0.01, 0.1]}
                  - {key: train.batch_size, values: [32, 128]}
                """);
        String html = Files.readString(Reports.write(sweep).html());
        assertTrue(html.contains("<title>Sweep digits_lr_batch: lr × train.batch_size</title>"), "titled from sweep.yaml");
        assertTrue(html.contains("<div class=\"table\"><table>"), "every table in its own box");
        assertTrue(html.contains(".table{overflow-x:auto;max-width:100%}"), "the box scrolls horizontally, the page does not");
        assertTrue(html.contains("white-space:pre-wrap"), "text blocks (the claims block) wrap");
    }

    @Test
    void scatterLabelsNameTheOtherSweptValues(@TempDir Path tmp) {
        Path sweep = FakeRuns.sweep(tmp.resolve("s"), true);
        SweepTable t = SweepTable.fromCsv(sweep.resolve("results.csv"));
        int lr = t.header.indexOf("lr");
        assertEquals("batch_size = 32", SweepCharts.label(t, 0, lr));
        assertEquals("h = 0.01, batch_size = 32", SweepCharts.label(t, 0, -1));
    }
}
