package org.occam.lab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.claim.Direction;
import org.occam.lab.claim.SeedStatistics;
import org.occam.lab.plot.ClaimPlot;

/**
 * The claims block of every reproduction's report: the table (effect, 95 % interval, n,
 * resolution, verdict, statistic) and one chart per claim with the per-seed effects (a two-group claim: each seed of the first group minus
 * the other group's mean) and the
 * interval as an error bar.
 */
public final class ClaimSections {
    private ClaimSections() {
    }

    /**
     * Heading, the quick-run warning when {@code quick}, the table, and the error-bar charts.
     *
     * @param claims the judged claims
     * @param quick whether it is a quick run
     * @return the sections
     */
    public static List<Section> of(List<ClaimResult> claims, boolean quick) {
        List<Section> out = new ArrayList<>();
        out.add(new Section.Heading("Claims over seeds"));
        if (quick) {
            out.add(new Section.Text(ClaimTable.QUICK_WARNING));
        }
        out.add(new Section.Text("Each claim's statistic is computed once per seed; the effect is its mean minus the"
                + " reference, with a 95 % interval over seeds. Supported: the interval excludes zero in the claimed"
                + " direction and the effect exceeds the resolution; contradicted: the other direction; otherwise"
                + " inconclusive (docs/claims.md)."));
        List<List<String>> rows = new ArrayList<>();
        for (ClaimResult r : claims) {
            rows.add(List.of(r.claim().id(), ClaimResult.num(r.effect()), r.intervalText(), Integer.toString(r.n()),
                    ClaimResult.num(r.claim().resolution()), r.verdict().word(), r.claim().statistic() + " (" + r.ci().method() + ")",
                    r.claim().statement()));
        }
        out.add(Section.Table.of(List.of("claim", "effect", "95 % interval", "n", "resolution", "verdict", "statistic",
                "claim"), rows));
        int k = 0;
        for (ClaimResult r : claims) {
            k++;
            double shift = r.claim().reference() + (r.others().length > 0 ? SeedStatistics.mean(r.others()) : 0);
            double[] effects = Arrays.stream(r.values()).map(v -> v - shift).toArray();
            if (Arrays.stream(effects).noneMatch(Double::isFinite)) {
                continue;
            }
            ClaimPlot p = new ClaimPlot(r.claim().id() + ": " + r.verdict().word(), "effect")
                    .seeds(effects)
                    .interval(r.effect(), r.ci().lo(), r.ci().hi())
                    .tolerance(r.claim().direction() == Direction.WITHIN ? r.claim().tolerance() : 0);
            out.add(new Section.Chart(String.format(Locale.ROOT, "claim_%02d", k), r.claim().statistic()
                    + ": per-seed effects (points) and the mean with its 95 % interval (bar)", p.plot()));
        }
        return out;
    }
}
