package org.occam.lab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.occam.io.AtomicFiles;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.plot.Plot;

/**
 * Writing a learning-rate reproduction's folder (results.csv, summary.txt, one PNG per chart,
 * report.html), shared by {@code EosSweepReport}, {@code DalSweepReport} and {@code ClrSweepReport}.
 */
public final class LrSweepPages {
    private LrSweepPages() {
    }

    /**
     * Writes everything into {@code dir} and returns report.html.
     *
     * @param dir the output folder
     * @param title the page's title
     * @param sections the page's sections, in order
     * @param csv results.csv's text
     * @param summary summary.txt's text
     * @return report.html
     * @throws IOException when writing fails
     */
    public static Path write(Path dir, String title, List<Section> sections, String csv, String summary) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("results.csv"), csv);
        AtomicFiles.writeString(dir.resolve("summary.txt"), summary);
        for (Section sec : sections) {
            if (sec instanceof Section.Chart c) {
                c.plot().write(dir.resolve(c.name() + ".png"));
            }
        }
        Path html = dir.resolve("report.html");
        AtomicFiles.writeString(html, Pages.page(title, sections));
        return html;
    }

    /**
     * The claims table (ClaimTable), as summary.txt holds it.
     *
     * @param claims the judged claims
     * @param quick whether it is a quick run
     * @return the text
     */
    public static String summary(List<ClaimResult> claims, boolean quick) {
        return "Claims over seeds (METHODS §11, docs/claims.md)\n\n" + String.join("\n", ClaimTable.lines(claims, quick)) + "\n";
    }

    /**
     * One CSV of every seed's rows: the header once, with a leading seed column.
     *
     * @param seeds the seed of each CSV
     * @param csvs each seed's CSV text
     * @return the combined CSV
     */
    public static String seedCsv(long[] seeds, List<String> csvs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < csvs.size(); i++) {
            String[] lines = csvs.get(i).split("\n");
            if (i == 0) {
                b.append("seed,").append(lines[0]).append('\n');
            }
            for (int k = 1; k < lines.length; k++) {
                if (!lines[k].isBlank()) {
                    b.append(seeds[i]).append(',').append(lines[k]).append('\n');
                }
            }
        }
        return b.toString();
    }

    /**
     * Adds a chart section when the plot exists (a run that diverged at once may leave nothing to draw).
     *
     * @param out the sections to add to
     * @param name the chart's name
     * @param caption the text under the chart
     * @param plot the chart, or null
     */
    public static void chart(List<Section> out, String name, String caption, Plot plot) {
        if (plot != null) {
            out.add(new Section.Chart(name, caption, plot));
        }
    }

    /**
     * Four significant digits, or "-" for NaN.
     *
     * @param v the value
     * @return the text
     */
    public static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * A short number for labels, as rates are printed ({@link Rates#num}): 0.05, 1, 2.5e-05.
     *
     * @param v the value
     * @return the text
     */
    public static String num(double v) {
        return Rates.num(v);
    }

    /**
     * A percentage without decimals, or "-" for NaN.
     *
     * @param v the fraction
     * @return the text
     */
    public static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }
}
