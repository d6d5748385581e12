package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.data.CachedDataset;
import org.occam.data.DataCache;

/** {@code occam ood} end to end at tiny sizes. */
class OodCommandTest {

    @Test
    void toyRunsEndToEndAndWritesTheReport(@TempDir Path dir) throws Exception {
        CliRun.Result r = CliRun.run("ood", "toy", "--train-size", "120", "--test-size", "60", "--steps", "60", "--batch", "64",
                "--reference-batch", "64", "--hidden", "16", "--samples", "20", "--sampler-steps", "20", "--langevin-steps", "5",
                "--quick", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MORSE-1 AUROC") && r.out().contains("OOD AUROC") && r.out().contains("claim:"),
                r.out());
        assertTrue(r.out().contains("supervised"), "the supervised variant runs by default");
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("MORSE-1") && html.contains("data:image/png;base64"), "report with embedded charts");
        for (String png : new String[] {"density.png", "samples.png", "scores.png", "loss.png", "confidence_raw.png",
            "confidence_tempered.png"}) {
            assertTrue(Files.size(dir.resolve(png)) > 1000, png);
        }
        String csv = Files.readString(dir.resolve("results.csv"));
        assertTrue(csv.startsWith("metric,value") && csv.contains("auroc,"), csv);
        assertTrue(Files.readString(dir.resolve("summary.txt")).contains("claim:"));
    }

    @Test
    void toyRejectsBadOptions(@TempDir Path dir) {
        CliRun.Result bad = CliRun.run("ood", "toy", "--dataset", "spiral", "--steps", "2", "--out", dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("moons, rings"), bad.err());
        CliRun.Result w = CliRun.run("ood", "toy", "--reference-weight", "lots", "--out", dir.toString());
        assertEquals(2, w.code());
        assertTrue(w.err().contains("--reference-weight"), w.err());
        CliRun.Result k = CliRun.run("ood", "toy", "--kernel", "laplace", "--steps", "2", "--out", dir.toString());
        assertTrue(k.err().contains("gaussian[:λ], cauchy[:λ]"), k.err());
        CliRun.Result help = CliRun.run("ood");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("toy") && help.out().contains("mnist"), help.out());
    }

    @Test
    void mnistRunsEndToEndAtTinySizes(@TempDir Path dir) throws Exception {
        Path root = DataCache.defaultRoot();
        assumeTrue(DataCache.isInstalled(root, CachedDataset.MNIST) && DataCache.isInstalled(root, CachedDataset.FASHION_MNIST),
                "MNIST and Fashion-MNIST are not in the data cache");
        CliRun.Result r = CliRun.run("ood", "mnist", "--train-size", "300", "--test-size", "100", "--ood-size", "100",
                "--classifier", "mlp:784-32-16-10:relu", "--classifier-steps", "20", "--head-hidden", "16", "--head-steps", "20",
                "--quick", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MSP baseline") && r.out().contains("Morse unsupervised, box")
                && r.out().contains("Morse supervised, gaussian") && r.out().contains("ECE"), r.out());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Fashion-MNIST") && html.contains("data:image/png;base64"));
        assertTrue(Files.exists(dir.resolve("reliability.png")) && Files.exists(dir.resolve("msp_baseline.png")));
        assertEquals(7, Files.readAllLines(dir.resolve("results.csv")).size(), "header, MSP, four Morse heads, tempered MSP");
    }
}
