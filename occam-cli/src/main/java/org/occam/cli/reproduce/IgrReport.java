package org.occam.cli.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.occam.io.AtomicFiles;

/** Writes the igr-lr-sweep results: a table (results.csv) and the trends (summary.txt). */
public final class IgrReport {
    private IgrReport() {
    }

    /** Writes the files into {@code dir} and returns the main one. */
    public static Path write(IgrLrSweep.Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("run,lr,mu,steps,reached_target,diverged,train_loss,test_accuracy,r_ig,sharpness,gc\n");
        for (IgrLrSweep.Run run : r.runs()) {
            csv.append(String.format(Locale.ROOT, "\"%s\",%g,%g,%d,%b,%b,%.6g,%.6g,%.6g,%.6g,%.6g%n", run.label(), run.lr(),
                    run.mu(), run.steps(), run.reachedTarget(), run.diverged(), run.trainLoss(), run.testAccuracy(),
                    run.rIg(), run.sharpness(), run.gc()));
        }
        AtomicFiles.writeString(dir.resolve("results.csv"), csv.toString());
        StringBuilder txt = new StringBuilder("IGR-2 / GC-2 on digits\n\n");
        for (Trend t : r.trends()) {
            txt.append(t.describe()).append('\n');
        }
        txt.append(String.format(Locale.ROOT, "EGR recovers %.0f%% of the test-accuracy gap%n", 100 * r.egrGapRecovered()));
        Path summary = dir.resolve("summary.txt");
        AtomicFiles.writeString(summary, txt.toString());
        return summary;
    }
}
