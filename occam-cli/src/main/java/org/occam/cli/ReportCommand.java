package org.occam.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.occam.cli.report.ReportException;
import org.occam.cli.report.ReportResult;
import org.occam.cli.report.Reports;
import org.occam.lab.plot.Headless;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code occam report DIR}: an offline HTML report of a run or a sweep folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write DIR/report.html: one self-contained page (no network, charts embedded)",
            "for a run folder (state, final metrics, charts of every metric, config.yaml",
            "verbatim, the end of run.log) or for a sweep folder (results table, heatmaps and",
            "scatter plots of the final metrics against the swept parameters, links to the",
            "per-run reports, which are written too). A folder with metrics.jsonl is a run;",
            "one with results.csv or run sub-folders is a sweep."},
        footer = {"", "Exit status: 0 when the report is complete, 1 when it was written but some",
            "run or chart could not be (listed on stderr and in the page), 2 on an error.",
            "", "Examples:", "  ./occam report runs/digits-sgd",
            "  ./occam report sweeps/lr-batch              # sweep page + one page per run",
            "  ./occam report runs/digits-sgd --charts     # also charts/*.png and *.svg"})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A run folder or a sweep folder.")
    Path dir;

    @Option(names = "--charts", description = "Also save every chart as PNG and SVG in a charts/ folder beside each report.")
    boolean charts;

    @Override
    public Integer call() {
        Headless.ensure();
        ReportResult r;
        try {
            r = Reports.write(dir, charts);
        } catch (ReportException | UncheckedIOException e) {
            System.err.println("occam report: " + e.getMessage());
            return 2;
        }
        System.out.println(r.html());
        if (!r.runReports().isEmpty()) {
            System.out.println("(and " + r.runReports().size() + " run report" + (r.runReports().size() == 1 ? "" : "s")
                    + " in the run folders)");
        }
        for (String p : r.problems()) {
            System.err.println("occam report: " + p);
        }
        return r.problems().isEmpty() ? 0 : 1;
    }
}
