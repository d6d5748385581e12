package org.occam.lab.dal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;
import org.occam.lab.claim.Effects;

/**
 * The DAL-1 claims of METHODS §11, judged over seeds. Within one seed every p starts from the same
 * initialization; the trade-off claims are Spearman ρ across p within a seed (a diverged run
 * counts as the least stable and the worst loss).
 */
public final class DalClaims {
    /** float32 round-off of h_t·v_t/2 − 1, the resolution of the p = 1 identity check. */
    public static final double FLOAT32_RESOLUTION = 1e-6;

    private DalClaims() {
    }

    /**
     * The p = 1 identity (h_t = 2/v_t, or h_t·v_t = h_base·v_0 with normalised v), the drift regime the
     * claims need (v_t above 1, or above v_0 when normalised), and the speed/stability/test-loss trade-off.
     *
     * @param seeds the result of each seed
     * @return the judged claims
     */
    public static List<ClaimResult> of(List<DalSweep.Result> seeds) {
        boolean normalized = !seeds.isEmpty() && seeds.getFirst().settings().normalized();
        return List.of(
                normalized
                        ? Claim.within("DAL-1 h_t v_t = h_0 v_0", "h_t = h_base·v_0/v_t for p = 1 with normalised v (exact"
                                + " Hessian-vector products)", "max |h_t − h_base·v_0/v_t|/(h_base·v_0/v_t) over the uncapped"
                                + " checked steps, v_t measured independently", 0, 1e-3, FLOAT32_RESOLUTION)
                                .test(seeds.stream().mapToDouble(DalClaims::edgeCheck).toArray())
                        : Claim.within("DAL-1 h_t = 2/v_t", "h_t = 2/v_t for p = 1 (exact Hessian-vector products)",
                                "max |h_t − 2/v_t|/(2/v_t) over the uncapped checked steps, v_t measured independently", 0,
                                1e-3, FLOAT32_RESOLUTION).test(seeds.stream().mapToDouble(DalClaims::edgeCheck).toArray()),
                normalized
                        ? Claim.of("DAL-1 v_t > v_0", "the drift grows, v_t/v_0 > 1 over most of the run, where the"
                                + " normalised rate h_base/(v_t/v_0)^p falls with p", "min over p of the median over steps"
                                + " of ln(v_t/v_0)", Direction.INCREASE, 0, 0)
                                .test(seeds.stream().mapToDouble(DalClaims::lnMedianGrowth).toArray())
                        : Claim.of("DAL-1 v_t > 1", "v_t stays above 1, where 2/v^p falls with p (kept there by summing"
                                + " the squared error over the 10 outputs)", "ln(min over steps and p of v_t)",
                                Direction.INCREASE, 0, 0).test(seeds.stream().mapToDouble(DalClaims::lnMinDrift).toArray()),
                rho(seeds, "DAL-1 smaller steps", "larger p takes smaller steps", "median h_t", Direction.DECREASE,
                        r -> r.medianLr()),
                rho(seeds, "DAL-1 more stable", "larger p is more stable: fewer loss rises", "loss rises (a divergence"
                        + " counts as the most)", Direction.DECREASE, r -> r.diverged() ? Double.POSITIVE_INFINITY : r.rises()),
                rho(seeds, "DAL-1 slower training", "the price of stability: larger p trains slower (higher final train"
                        + " loss at the same step budget)", "final train loss", Direction.INCREASE,
                        r -> r.diverged() ? Double.POSITIVE_INFINITY : r.trainLoss()),
                rho(seeds, "DAL-1 test loss", "p trades stability against test performance: larger p ends at a higher test"
                        + " loss at the same step budget", "final test loss", Direction.INCREASE,
                        r -> r.diverged() ? Double.POSITIVE_INFINITY : r.testLoss()));
    }

    private static ClaimResult rho(List<DalSweep.Result> seeds, String id, String statement, String y, Direction d,
                                   ToDoubleFunction<DalSweep.Run> f) {
        double[] per = new double[seeds.size()];
        for (int i = 0; i < per.length; i++) {
            List<DalSweep.Run> scaled = scaled(seeds.get(i));
            per[i] = scaled.size() < 2 ? Double.NaN : Effects.spearman(scaled.stream().mapToDouble(DalSweep.Run::power)
                    .toArray(), scaled.stream().mapToDouble(f).toArray());
        }
        return Claim.of(id, statement, "Spearman ρ(p, " + y + ") across p within a seed", d, 0, 0).test(per);
    }

    private static List<DalSweep.Run> scaled(DalSweep.Result r) {
        return r.runs().stream().filter(x -> x.power() > 0 && x.hvp().equals("exact")).toList();
    }

    private static double edgeCheck(DalSweep.Result r) {
        return r.runs().stream().filter(x -> x.power() == 1 && x.hvp().equals("exact")).mapToDouble(DalSweep.Run::edgeCheck)
                .findFirst().orElse(Double.NaN);
    }

    /** min over p of the median over steps of ln(v_t/v_0) (the normalised regime). */
    private static double lnMedianGrowth(DalSweep.Result r) {
        double min = Double.POSITIVE_INFINITY;
        for (DalSweep.Run run : scaled(r)) {
            List<Double> logs = new ArrayList<>();
            for (Map<String, Object> row : run.rows()) {
                if (row.get("drift_ratio") instanceof Number v && Double.isFinite(v.doubleValue()) && v.doubleValue() > 0) {
                    logs.add(Math.log(v.doubleValue() / run.initialDrift()));
                }
            }
            if (logs.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(logs);
            int n = logs.size();
            min = Math.min(min, n % 2 == 1 ? logs.get(n / 2) : (logs.get(n / 2 - 1) + logs.get(n / 2)) / 2);
        }
        return Double.isFinite(min) ? min : Double.NaN;
    }

    private static double lnMinDrift(DalSweep.Result r) {
        double min = Double.POSITIVE_INFINITY;
        for (DalSweep.Run run : scaled(r)) {
            for (Map<String, Object> row : run.rows()) {
                if (row.get("drift_ratio") instanceof Number v && Double.isFinite(v.doubleValue())) {
                    min = Math.min(min, v.doubleValue());
                }
            }
        }
        return Double.isFinite(min) && min > 0 ? Math.log(min) : Double.NaN;
    }
}
