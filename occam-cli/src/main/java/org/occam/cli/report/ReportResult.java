package org.occam.cli.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What writing a report produced.
 *
 * @param html the report page
 * @param charts how many charts it embeds
 * @param runReports the per-run pages written alongside a sweep report (empty for a run)
 * @param problems what could not be drawn or read; the page still exists and shows them
 */
public record ReportResult(Path html, int charts, List<Path> runReports, List<String> problems) {
    /** Copies the lists. */
    public ReportResult {
        runReports = List.copyOf(runReports);
        problems = List.copyOf(problems);
    }
}
