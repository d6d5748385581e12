package org.occam.lab.nc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;
import org.occam.lab.claim.Effects;

/**
 * The NC-1 claims (METHODS §7.4, §11) judged over seeds. One seed pre-trains every configuration
 * (the h, B, L2 and GC lines around the base run); each claim's statistic is a Spearman ρ across
 * that seed's finished runs (fewer than 3 finished: NaN). Reported beside them, as claims of
 * their own: each factor's effect on source GC along its line.
 */
final class NcClaims {
    private NcClaims() {
    }

    static List<ClaimResult> of(List<NcSweep.Result> seeds) {
        int shots = seeds.getFirst().settings().shots();
        String acc = shots + "-shot accuracy";
        int configs = seeds.getFirst().runs().size();
        List<ClaimResult> out = new ArrayList<>(List.of(
                Claim.within("NC-1 terminal phase", "every pre-training run reaches its stopping rule (the terminal phase:"
                                + " the given multiple of the steps to 100 % training accuracy); without it there is no collapse"
                                + " to measure", "fraction of the seed's runs that reached it", 1, 1e-9, 1.0 / configs)
                        .test(seeds.stream().mapToDouble(r -> r.runs().stream().filter(NcSweep.Run::reachedTarget).count()
                                / (double) r.runs().size()).toArray()),
                rho(seeds, "NC-1 GC → CDNV", "lower source GC goes with lower target CDNV", "source GC",
                        NcSweep.Run::sourceGc, "target CDNV", NcSweep.Run::targetCdnv, Direction.INCREASE, null),
                rho(seeds, "NC-1 CDNV → few-shot", "lower target CDNV goes with higher " + acc, "target CDNV",
                        NcSweep.Run::targetCdnv, acc, NcSweep.Run::fewShot, Direction.DECREASE, null),
                rho(seeds, "NC-1 GC → few-shot", "lower source GC goes with higher " + acc, "source GC",
                        NcSweep.Run::sourceGc, acc, NcSweep.Run::fewShot, Direction.DECREASE, null)));
        NcSweep.Settings s = seeds.getFirst().settings();
        if (s.lrs().length > 0) {
            out.add(rho(seeds, "NC-1 h line", "a larger learning rate lowers source GC", "h", r -> r.config().lr(),
                    "source GC", NcSweep.Run::sourceGc, Direction.DECREASE, "h"));
        }
        if (s.batches().length > 0) {
            out.add(rho(seeds, "NC-1 B line", "a smaller batch lowers source GC", "B", r -> r.config().batch(),
                    "source GC", NcSweep.Run::sourceGc, Direction.INCREASE, "B"));
        }
        if (s.l2s().length > 0) {
            out.add(rho(seeds, "NC-1 L2 line", "more L2 lowers source GC", "L2", r -> r.config().l2(), "source GC",
                    NcSweep.Run::sourceGc, Direction.DECREASE, "L2"));
        }
        if (s.gcCoefs().length > 0) {
            out.add(rho(seeds, "NC-1 GC line", "the explicit GC penalty (on the embedding) lowers source GC", "α",
                    r -> r.config().gc(), "source GC", NcSweep.Run::sourceGc, Direction.DECREASE, "GC"));
        }
        return out;
    }

    /** ρ(x, y) per seed over its finished runs, or over the base run and the runs varying {@code factor} (null: all). */
    private static ClaimResult rho(List<NcSweep.Result> seeds, String id, String statement, String xName,
                                   ToDoubleFunction<NcSweep.Run> x, String yName, ToDoubleFunction<NcSweep.Run> y,
                                   Direction d, String factor) {
        double[] per = new double[seeds.size()];
        for (int i = 0; i < per.length; i++) {
            List<NcSweep.Run> runs = seeds.get(i).runs().stream().filter(r -> !r.diverged()).filter(r -> factor == null
                    || r.config().factor().equals(factor) || r.config().factor().equals("base")).toList();
            per[i] = runs.size() < 3 ? Double.NaN : Effects.spearman(runs.stream().mapToDouble(x).toArray(),
                    runs.stream().mapToDouble(y).toArray());
        }
        return Claim.of(id, statement, "Spearman ρ(" + xName + ", " + yName + ") across the seed's finished runs"
                + (factor == null ? "" : " on the " + factor + " line"), d, 0, 0).test(per);
    }
}
