package org.occam.cli.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.occam.lab.plot.Headless;

/**
 * Offline HTML reports. {@link #write} looks at a folder and writes {@code report.html} for a run
 * (it holds metrics.jsonl) or for a sweep (it holds results.csv or run sub-folders, each of which
 * gets its own report too); the lab's {@code Pages.page} builds a page from sections for any other
 * command. Pages are self-contained: inline CSS, charts as embedded PNG, no scripts and no
 * external resources.
 *
 * <pre>{@code
 * ReportResult r = Reports.write(Path.of("runs/digits-sgd"));
 * System.out.println(r.html());
 * }</pre>
 */
public final class Reports {
    private Reports() {
    }

    /** Whether {@code dir} is a run folder (it holds metrics.jsonl). */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve("metrics.jsonl"));
    }

    /** Whether {@code dir} is a sweep folder (no metrics.jsonl of its own; results.csv or run sub-folders). */
    public static boolean isSweep(Path dir) {
        return !isRun(dir) && Files.isDirectory(dir)
                && (Files.isRegularFile(dir.resolve("results.csv")) || !SweepReport.runDirs(dir).isEmpty());
    }

    /**
     * Writes the report of a run or sweep folder, whichever {@code dir} is.
     *
     * @throws ReportException when it is neither, or a file in it is malformed
     */
    public static ReportResult write(Path dir) {
        return write(dir, false);
    }

    /** As {@link #write(Path)}; with {@code chartFiles}, every chart is also saved as PNG and SVG under a charts/ folder beside its report. */
    public static ReportResult write(Path dir, boolean chartFiles) {
        if (!Files.isDirectory(dir)) {
            throw new ReportException(dir + " is not a folder");
        }
        if (isRun(dir)) {
            return writeRunReport(dir, chartFiles);
        }
        if (isSweep(dir)) {
            return writeSweepReport(dir, chartFiles);
        }
        throw new ReportException(dir + " is neither a run folder (no metrics.jsonl) nor a sweep folder (no results.csv, no run sub-folders)");
    }

    /** Writes {@code runDir/report.html}. */
    public static ReportResult writeRunReport(Path runDir) {
        return writeRunReport(runDir, false);
    }

    /** Writes {@code runDir/report.html}, and with {@code chartFiles} each chart as runDir/charts/NAME.png and .svg. */
    public static ReportResult writeRunReport(Path runDir, boolean chartFiles) {
        Headless.ensure();
        return RunReport.write(runDir, null, chartFiles ? runDir.resolve("charts") : null);
    }

    /** Writes {@code sweepDir/report.html} and the report of every run folder in it. */
    public static ReportResult writeSweepReport(Path sweepDir) {
        return writeSweepReport(sweepDir, false);
    }

    /** As {@link #writeSweepReport(Path)}, with chart files under each report's charts/ folder when asked. */
    public static ReportResult writeSweepReport(Path sweepDir, boolean chartFiles) {
        Headless.ensure();
        return SweepReport.write(sweepDir, chartFiles);
    }

}
