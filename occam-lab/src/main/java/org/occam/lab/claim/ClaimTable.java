package org.occam.lab.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal table every reproduction prints: per claim statistic, effect, interval, n, resolution, verdict. */
public final class ClaimTable {
    /** The line printed above the table of a {@code --quick} run. */
    public static final String QUICK_WARNING =
            "--quick: tiny settings for tests; these verdicts are NOT evidence (run without --quick for the claims)";

    private ClaimTable() {
    }

    /**
     * The table as lines; a quick run starts with {@link #QUICK_WARNING}.
     *
     * @param results the judged claims
     * @param quick whether the run was a quick one
     * @return the lines
     */
    public static List<String> lines(List<ClaimResult> results, boolean quick) {
        List<String> out = new ArrayList<>();
        if (quick) {
            out.add(QUICK_WARNING);
        }
        String fmt = "%-26s %-12s %-24s %3s %-10s %s";
        out.add(String.format(Locale.ROOT, fmt, "claim", "effect", "95% interval", "n", "resolution", "verdict"));
        for (ClaimResult r : results) {
            out.add(String.format(Locale.ROOT, fmt, r.claim().id(), ClaimResult.num(r.effect()), r.intervalText(),
                    r.n(), ClaimResult.num(r.claim().resolution()), r.verdict().word().toUpperCase(Locale.ROOT)));
            out.add("    statistic: " + r.claim().statistic() + "; interval: " + r.ci().method()
                    + (r.claim().direction() == Direction.WITHIN
                    ? "; supported when within ±" + ClaimResult.num(r.claim().tolerance()) : ""));
            out.add("    claim: " + r.claim().statement());
        }
        return out;
    }
}
