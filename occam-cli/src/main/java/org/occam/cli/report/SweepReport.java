package org.occam.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.occam.io.AtomicFiles;
import org.occam.lab.plot.Numbers;
import org.occam.lab.report.Html;
import org.occam.lab.report.Page;
import org.occam.lab.report.Rates;
import org.occam.lab.report.Section;

/**
 * The report of a sweep folder: a summary, the results table (run ids link to the per-run
 * reports, which are written too), charts of the final metrics against the swept parameters, and
 * any run whose report could not be made.
 */
final class SweepReport {
    private SweepReport() {
    }

    /** Writes {@code sweepDir/report.html} and a report.html in every run folder. */
    static ReportResult write(Path sweepDir, boolean chartFiles) {
        List<Path> runs = runDirs(sweepDir);
        Path csv = sweepDir.resolve("results.csv");
        if (!Files.isRegularFile(csv) && runs.isEmpty()) {
            throw new ReportException(sweepDir + " is not a sweep folder: no results.csv and no run folders (with metrics.jsonl) in it");
        }
        SweepTable table = Files.isRegularFile(csv) ? SweepTable.fromCsv(csv) : SweepTable.fromRuns(runs);

        Map<Path, String> failed = Collections.synchronizedMap(new TreeMap<>());
        Map<Path, ReportResult> done = Collections.synchronizedMap(new TreeMap<>());
        runs.parallelStream().forEach(r -> {
            try {
                done.put(r, RunReport.write(r, "../report.html", chartFiles ? r.resolve("charts") : null));
            } catch (RuntimeException e) {
                failed.put(r, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });

        List<String> problems = new ArrayList<>();
        failed.forEach((r, msg) -> problems.add("run " + RunReport.name(r) + ": " + msg));
        done.forEach((r, res) -> res.problems().forEach(p -> problems.add("run " + RunReport.name(r) + ": " + p)));

        Map<String, String> links = new LinkedHashMap<>();
        for (Path r : done.keySet()) {
            links.put(RunReport.name(r), Html.pathSegment(RunReport.name(r)) + "/report.html");
        }
        List<Section> s = new ArrayList<>();
        s.add(new Section.Text(summary(table, runs.size())));
        s.add(new Section.Heading("Results"));
        s.add(table(table, links));
        List<Section.Chart> charts = SweepCharts.charts(table);
        if (!charts.isEmpty()) {
            s.add(new Section.Heading("Final metrics against the swept parameters"));
            s.addAll(charts);
        }
        if (!links.isEmpty()) {
            s.add(new Section.Heading("Run reports"));
            s.add(new Section.Links(links.entrySet().stream().map(e -> new Section.Link(e.getKey(), e.getValue())).toList()));
        }
        Page.Rendered page = Page.render(SweepTitle.of(sweepDir), withProblems(s, problems), chartFiles ? sweepDir.resolve("charts") : null);
        problems.addAll(page.problems());
        Path html = sweepDir.resolve("report.html");
        try {
            AtomicFiles.writeString(html, page.html());
        } catch (IOException e) {
            throw new ReportException("cannot write " + html + ": " + e.getMessage(), e);
        }
        List<Path> pages = done.values().stream().map(ReportResult::html).toList();
        return new ReportResult(html, page.charts(), pages, problems);
    }

    /** The sub-folders holding a run (metrics.jsonl or status.json), by name. */
    static List<Path> runDirs(Path sweepDir) {
        try (Stream<Path> s = Files.list(sweepDir)) {
            return s.filter(Files::isDirectory)
                    .filter(d -> Files.isRegularFile(d.resolve("metrics.jsonl")) || Files.isRegularFile(d.resolve("status.json")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sweepDir + ": " + e.getMessage(), e);
        }
    }

    private static String summary(SweepTable t, int folders) {
        Map<String, Integer> states = new TreeMap<>();
        for (int r = 0; r < t.rows.size(); r++) {
            states.merge(t.state(r).isEmpty() ? "state unknown" : t.state(r), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        b.append(t.rows.size()).append(t.rows.size() == 1 ? " run" : " runs");
        if (!states.isEmpty()) {
            List<String> parts = new ArrayList<>();
            states.forEach((k, v) -> parts.add(v + " " + k));
            b.append(": ").append(String.join(", ", parts));
        }
        b.append(". Results from ").append(t.source).append("; ").append(folders).append(" run folder(s).");
        List<String> vary = t.varying().stream().map(t::name).toList();
        b.append(vary.isEmpty() ? " No parameter varies between the runs." : " Swept parameters: " + String.join(", ", vary) + ".");
        return b.toString();
    }

    private static Section.Table table(SweepTable t, Map<String, String> links) {
        List<List<Section.Cell>> rows = new ArrayList<>();
        for (int r = 0; r < t.rows.size(); r++) {
            List<Section.Cell> row = new ArrayList<>();
            for (int c = 0; c < t.header.size(); c++) {
                String text = t.rows.get(r).get(c);
                row.add(c == t.idCol ? new Section.Cell(text, links.get(t.id(r))) : Section.Cell.of(cell(t, c, text)));
            }
            rows.add(row);
        }
        return new Section.Table(t.header, rows);
    }

    /** Significant digits of metric values in the table (results.csv keeps them all). */
    static final int METRIC_DIGITS = 4;

    /** A metric cell with {@link #METRIC_DIGITS} significant digits, a learning rate as {@link Rates} prints it; other parameters and text as written. */
    static String cell(SweepTable t, int c, String text) {
        double v = SweepTable.number(text);
        if (t.params.contains(c) && t.name(c).replaceFirst(".*\\.", "").equals("lr") && Double.isFinite(v)) {
            return Rates.num(v);
        }
        if (!t.metrics.contains(c) || Double.isNaN(v) || text.strip().matches("-?\\d+")) {
            return text;
        }
        return Numbers.compact(v, METRIC_DIGITS);
    }

    private static List<Section> withProblems(List<Section> s, List<String> problems) {
        if (problems.isEmpty()) {
            return s;
        }
        List<Section> out = new ArrayList<>(s);
        out.add(new Section.Heading("Problems"));
        out.add(new Section.Code(String.join("\n", problems)));
        return out;
    }
}
