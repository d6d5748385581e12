package org.occam.lab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Series;
import org.occam.lab.plot.Theme;
import org.occam.io.AtomicFiles;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.claim.Outcome;

/**
 * The folder of a claim-judged reproduction: results.csv (one row per run), summary.txt (the
 * claim table) and report.html with the setting, the claim table, one chart per claim (per-seed
 * values with the mean and its 95 % interval) and the reproduction's own sections.
 */
public final class ClaimPages {
    private ClaimPages() {
    }

    /** The reproduction's own sections (charts of its measurements), after the claims. */
    @FunctionalInterface
    public interface Extra {
        /**
         * The sections.
         *
         * @return the sections
         */
        List<Section> sections();
    }

    /**
     * Writes everything into {@code dir} and returns the outcome: the claims, the runs and the wall
     * time as extra JSON fields, the wall time as a note after the table.
     *
     * @param id the reproduction's id
     * @param title the page's title
     * @param dir the output folder
     * @param quick whether it is a quick run
     * @param seeds the seeds run
     * @param setting the setting as name/value pairs
     * @param claims the judged claims
     * @param runs one map per run, for results.csv and JSON
     * @param seconds the wall time of the runs
     * @param extra the reproduction's own sections
     * @return the outcome
     * @throws IOException when writing fails
     */
    public static Outcome outcome(String id, String title, Path dir, boolean quick, long[] seeds,
                                  Map<String, Object> setting, List<ClaimResult> claims, List<Map<String, Object>> runs,
                                  double seconds, Extra extra) throws IOException {
        Path html = write(dir, title, quick, setting, claims, runs, extra);
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("seconds", seconds);
        more.put("runs", runs);
        return new Outcome(id, setting, seeds, claims, quick, html, more,
                List.of(String.format(Locale.ROOT, "wall time %.1f s", seconds)));
    }

    /**
     * Writes everything into {@code dir} and returns report.html.
     *
     * @param dir the output folder
     * @param title the page's title
     * @param quick whether it is a quick run
     * @param setting the setting as name/value pairs
     * @param claims the judged claims
     * @param runs one map per run
     * @param extra the reproduction's own sections
     * @return report.html
     * @throws IOException when writing fails
     */
    public static Path write(Path dir, String title, boolean quick, Map<String, Object> setting, List<ClaimResult> claims,
                             List<Map<String, Object>> runs, Extra extra) throws IOException {
        List<Section> sections = new ArrayList<>();
        if (quick) {
            sections.add(new Section.Status("quick", ClaimTable.QUICK_WARNING));
        }
        sections.add(new Section.Heading("Setting"));
        List<List<String>> rows = new ArrayList<>();
        setting.forEach((k, v) -> rows.add(List.of(k, v instanceof Double d ? Rates.num(d) : String.valueOf(v))));
        sections.add(Section.Table.of(List.of("setting", "value"), rows));
        sections.add(new Section.Heading("Claims, judged over seeds (docs/claims.md)"));
        sections.add(claimTable(claims));
        for (int i = 0; i < claims.size(); i++) {
            Plot p = claimChart(claims.get(i));
            if (p != null) {
                sections.add(new Section.Chart("claim_" + (i + 1), claims.get(i).claim().id() + ": per-seed values of the"
                        + " statistic minus its reference (points), their mean (solid) and 95 % interval (dashed); the"
                        + " claim is supported when the interval excludes 0 on the claimed side.", p));
            }
        }
        sections.addAll(extra.sections());
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("results.csv"), csv(runs));
        AtomicFiles.writeString(dir.resolve("summary.txt"), String.join("\n", ClaimTable.lines(claims, quick)) + "\n");
        Path html = dir.resolve("report.html");
        AtomicFiles.writeString(html, Pages.page(title, sections));
        return html;
    }

    /** The claim table as a report table. */
    static Section claimTable(List<ClaimResult> claims) {
        List<List<String>> rows = new ArrayList<>();
        for (ClaimResult r : claims) {
            rows.add(List.of(r.claim().id(), r.claim().statistic(), num(r.effect()), r.intervalText() + " (" + r.ci().method()
                    + ")", Integer.toString(r.n()), num(r.claim().resolution()), r.verdict().word()));
        }
        return Section.Table.of(List.of("claim", "statistic", "effect", "95% interval", "n", "resolution", "verdict"), rows);
    }

    /** Per-seed values of a one-group claim with the effect and its interval; null for two groups or nothing finite. */
    static Plot claimChart(ClaimResult r) {
        if (r.others().length > 0) {
            return null;
        }
        LinePlot p = new LinePlot(r.claim().id()).xLabel("seed").yLabel("statistic − reference").size(Theme.WIDTH, 320);
        int n = r.values().length;
        p.add(Series.of("per seed", range(n), shift(r.values(), r.claim().reference())).withColour(Theme.series(0)));
        double[] ends = {0, Math.max(1, n - 1)};
        p.add(Series.of("effect (mean)", ends, new double[] {r.effect(), r.effect()}).withColour(Theme.series(2)));
        if (r.ci().defined()) {
            p.add(Series.dashed("95% interval", ends, new double[] {r.ci().lo(), r.ci().lo()}).withColour(Theme.series(2)));
            p.add(Series.dashed("95% interval", ends, new double[] {r.ci().hi(), r.ci().hi()}).withColour(Theme.series(2)));
        }
        p.add(Series.dashed("0", ends, new double[] {0, 0}).withColour(Theme.INK));
        return p.hasData() ? p.plot() : null;
    }

    private static double[] range(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static double[] shift(double[] v, double ref) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - ref;
        }
        return out;
    }

    /** results.csv: the runs' keys as the header (the first run's order), one line per run. */
    static String csv(List<Map<String, Object>> runs) {
        if (runs.isEmpty()) {
            return "\n";
        }
        List<String> keys = new ArrayList<>(runs.getFirst().keySet());
        StringBuilder sb = new StringBuilder(String.join(",", keys)).append('\n');
        for (Map<String, Object> r : runs) {
            List<String> cells = new ArrayList<>();
            for (String k : keys) {
                Object v = r.get(k);
                cells.add(v == null ? "" : v.toString().replace(',', ';'));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Four significant digits, or "NaN".
     *
     * @param v the value
     * @return the text
     */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1e4 || (v != 0 && Math.abs(v) < 1e-3) ? "%.3e" : "%.4g", v);
    }
}
