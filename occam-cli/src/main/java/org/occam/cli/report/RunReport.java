package org.occam.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.occam.cli.run.GameReport;
import org.occam.io.AtomicFiles;
import org.occam.lab.plot.Numbers;
import org.occam.lab.report.Page;
import org.occam.lab.report.Section;

/**
 * The report of one run folder ({@code config.yaml}, {@code metrics.jsonl}, {@code status.json},
 * {@code run.log}): state, final metrics, one chart per metric group, the config verbatim and the
 * end of the log; for a two-player game run also the generator's latest samples
 * ({@link org.occam.cli.run.GameReport}).
 */
final class RunReport {
    private RunReport() {
    }

    /** Lines of run.log shown at the end of the report. */
    static final int LOG_TAIL = 60;

    /** Writes {@code runDir/report.html}; {@code backHref} (may be null) links back to a sweep report. */
    static ReportResult write(Path runDir, String backHref, Path chartDir) {
        Metrics m = Metrics.read(runDir.resolve("metrics.jsonl"));
        RunState state = RunState.of(runDir, m);
        String title = "Run " + name(runDir);
        Page.Rendered page = Page.render(title, sections(runDir, m, state, backHref), chartDir);
        Path html = runDir.resolve("report.html");
        try {
            AtomicFiles.writeString(html, page.html());
        } catch (IOException e) {
            throw new ReportException("cannot write " + html + ": " + e.getMessage(), e);
        }
        return new ReportResult(html, page.charts(), List.of(), page.problems());
    }

    static String name(Path dir) {
        Path n = dir.toAbsolutePath().normalize().getFileName();
        return n == null ? dir.toString() : n.toString();
    }

    private static List<Section> sections(Path runDir, Metrics m, RunState state, String backHref) {
        List<Section> s = new ArrayList<>();
        if (backHref != null) {
            s.add(new Section.Links(List.of(new Section.Link("← back to the sweep report", backHref))));
        }
        String msg = state.progress() + (state.message() == null ? "" : (state.progress().isEmpty() ? "" : ": ") + state.message());
        s.add(new Section.Status(state.state(), msg));
        s.add(new Section.Heading("Final metrics"));
        if (m.isEmpty()) {
            s.add(new Section.Text("No metrics recorded (" + runDir.resolve("metrics.jsonl") + " is missing or empty)."));
        } else {
            s.add(summary(m));
            s.add(new Section.Heading("Charts"));
            Map<String, String> cfg = FlatConfig.read(runDir.resolve("config.yaml"));
            Optional<StabilityThreshold> threshold = StabilityThreshold.of(cfg);
            s.addAll(MetricGroups.charts(m, threshold));
            if (threshold.isEmpty() && m.has("sharpness")) {
                s.add(new Section.Text(StabilityThreshold.noneFor(cfg) + "."));
            }
        }
        s.addAll(GameReport.sections(runDir));
        s.add(new Section.Heading("Configuration (config.yaml)"));
        String config = readOrNull(runDir.resolve("config.yaml"));
        s.add(config == null ? new Section.Text("No config.yaml in this folder.") : new Section.Code(config));
        String log = readOrNull(runDir.resolve("run.log"));
        if (log != null) {
            List<String> lines = log.lines().toList();
            int from = Math.max(0, lines.size() - LOG_TAIL);
            s.add(new Section.Heading(from > 0 ? "Log (last " + LOG_TAIL + " lines of run.log)" : "Log (run.log)"));
            s.add(new Section.Code(String.join("\n", lines.subList(from, lines.size()))));
        }
        return s;
    }

    /** Metric, final value, the step it was measured at, minimum and maximum over the run. */
    private static Section.Table summary(Metrics m) {
        List<List<String>> rows = new ArrayList<>();
        for (String k : m.keys()) {
            Metrics.Row last = m.lastWith(k);
            double[] r = m.range(k);
            rows.add(List.of(k, Numbers.compact(last.values().get(k), 6), Long.toString(last.step()),
                    Numbers.compact(r[0], 6), Numbers.compact(r[1], 6)));
        }
        return Section.Table.of(List.of("metric", "final", "at step", "min", "max"), rows);
    }

    private static String readOrNull(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
