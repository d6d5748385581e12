package org.occam.lab.clr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;

/**
 * The CLR-1 and COR-1 claims (METHODS §11) judged over seeds (the least-squares data and the
 * logistic model's initialization). COR-1 is exact arithmetic: its statistics are the same on every
 * seed, so their interval is a point, and they are judged against ±1e-12.
 */
public final class ClrClaims {
    /** The round-off bound of the exact COR-1 identities (float64). */
    public static final double EXACT = 1e-12;

    private ClrClaims() {
    }

    /**
     * CLR competitive on both problems, the cap needed on the logistic problem, the three COR-1 identities.
     *
     * @param seeds the result of each seed
     * @return the judged claims
     */
    public static List<ClaimResult> of(List<ClrSweep.Result> seeds) {
        List<ClaimResult> out = new ArrayList<>();
        for (String problem : List.of("least squares", "logistic")) {
            out.add(Claim.of("CLR-1 " + problem, "CLR is competitive with the best constant h without tuning (here: at"
                            + " most twice its steps)", "log2(CLR's steps to the target ÷ the best constant h's steps) (reference 1)"
                            + " (a CLR run that never reached it counts its step limit)", Direction.DECREASE, 1, 0)
                    .test(per(seeds, r -> competitive(r, problem))));
        }
        out.add(Claim.of("CLR-1 cap", "CLR needs a cap when |g| → 0 with E > 0 (logistic): without one the rate explodes",
                "log10(largest ÷ first uncapped CLR rate over the long logistic run) (reference 2: 100x)",
                Direction.INCREASE, 2, 0).test(per(seeds, ClrClaims::growth)));
        out.add(Claim.within("COR-1 GD = GF", "on the corridor GD = GF at t = nh for any h, and E falls linearly",
                "max(|GD − GF|, |E_n − (E_0 − nh)|) over h in {0.1, 0.5, 1, 2}, 50 steps", 0, EXACT, 0)
                .test(per(seeds, r -> r.corridor().stream().mapToDouble(c -> Math.max(c.maxGdGfError(), c.maxLossError()))
                        .max().orElse(Double.NaN))));
        out.add(Claim.within("COR-1 contraction", "off the corridor y contracts by (1 − h)^n", "max |y_n − (1 − h)^n y_0|",
                0, EXACT, 0).test(per(seeds, r -> r.corridor().stream().mapToDouble(ClrSweep.Corridor::maxContraction)
                .max().orElse(Double.NaN))));
        out.add(Claim.within("COR-1 / CLR", "a CLR step inside a corridor reaches zero loss",
                "E after one CLR step from (3, 0)", 0, EXACT, 0).test(per(seeds, ClrSweep.Result::clrCorridorLoss)));
        return out;
    }

    private static double[] per(List<ClrSweep.Result> seeds, ToDoubleFunction<ClrSweep.Result> f) {
        return seeds.stream().mapToDouble(f).toArray();
    }

    private static double competitive(ClrSweep.Result r, String problem) {
        List<ClrSweep.Run> mine = r.runs().stream().filter(x -> x.problem().equals(problem)).toList();
        ClrSweep.Run clr = mine.stream().filter(x -> x.rule().equals("CLR")).findFirst().orElseThrow();
        ClrSweep.Run best = mine.stream().filter(x -> !x.isClr() && x.reached())
                .min(Comparator.comparingInt(ClrSweep.Run::steps)).orElse(null);
        if (best == null || best.steps() == 0) {
            return Double.NaN;
        }
        int steps = clr.reached() ? clr.steps() : r.settings().maxSteps();
        return Math.log(Math.max(steps, 1) / (double) best.steps()) / Math.log(2);
    }

    private static double growth(ClrSweep.Result r) {
        ClrSweep.Run free = r.runs().stream().filter(x -> x.problem().equals("logistic")
                && x.rule().equals("CLR (no cap), " + r.settings().longSteps() + " steps")).findFirst().orElseThrow();
        double first = free.curve().isEmpty() || !(free.curve().getFirst().get("lr") instanceof Number n0) ? Double.NaN
                : n0.doubleValue();
        return Math.log10(free.maxRate() / first);
    }
}
