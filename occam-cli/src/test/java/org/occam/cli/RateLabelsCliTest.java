package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.report.RateChecks;

/** h printed one way ({@code h = 0.1}, {@link org.occam.lab.report.Rates}) by flow, train, sweep and their reports. */
class RateLabelsCliTest {
    @Test
    void flowPrintsTheRateOneWay() {
        CliRun.Result r = CliRun.run("flow", "--loss", "x^2 + 0.01*y^2", "--init", "x=-0.35,y=-0.2", "--lr", "0.9", "--steps", "20",
                "--flows", "gd,gf,igr");
        assertEquals(0, r.code(), r.err());
        // before: "rate    h = 0.9, ..." from a six-digit formatter of its own
        assertTrue(r.out().contains("rate    h = 0.9, 20 steps"), r.out());
        RateChecks.assertConsistent(r.out(), "flow");
    }

    @Test
    void sweepConsoleTablesAndReportsPrintTheRateOneWay(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rates.yaml");
        Files.writeString(file, """
                base: {model: mlp:64-8-10:tanh, data: "digits:train[:128]", lr: 0.1, train: {batch_size: 64, steps: 3}}
                grid: {lr: [1e-4, 0.1], train.batch_size: [32, 64]}
                """);
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.run("sweep", file.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        RateChecks.assertConsistent(r.out(), "sweep console");
        assertTrue(RateChecks.assertConsistentFiles(out) >= 6, "the sweep report, results.csv and each run's files");
        String html = Files.readString(out.resolve("report.html"));
        // before: the table showed the CSV's 1.0E-4, the legend "lr = 0.1" and the point labels "lr=0.1 batch_size=32"
        assertTrue(html.contains("<td>0.0001</td>") && !html.contains("1.0E-4"), "the lr column as rates are printed");

        Path cfg = dir.resolve("train.yaml");
        Files.writeString(cfg, "model: mlp:64-8-10:tanh\ndata: digits:train[:128]\nlr: 1e-4\ntrain: {batch_size: 64, steps: 3}\n");
        CliRun.Result t = CliRun.run("train", cfg.toString(), "--out", dir.resolve("run").toString());
        assertEquals(0, t.code(), t.err());
        // before: "lr constant {base=1.0E-4, warmup=0}" (Java's toString)
        assertTrue(t.err().contains("lr constant {base=0.0001, "), t.err());
        RateChecks.assertConsistent(t.out() + t.err(), "train console");
    }
}
