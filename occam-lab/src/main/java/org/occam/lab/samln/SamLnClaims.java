package org.occam.lab.samln;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;

/**
 * SAM-1 and LN-1, each paired within seed (same initialization and batch order) at equal training
 * loss: SAM lowers λ_max and tr H against SGD; label-noise SGD lowers tr H and λ_max against SGD.
 * Statistics are differences of log10 values; the resolution is the measurement error on that
 * scale, the largest over seeds of √(e_a² + e_b²) with e = residual/(λ ln 10) for Lanczos (a Ritz
 * value lies within its residual norm of an eigenvalue) and e = stderr/(tr H · ln 10) for Hutchinson.
 * A run that did not reach the target gives NaN, and the claim is then inconclusive.
 */
public final class SamLnClaims {
    private SamLnClaims() {
    }

    /**
     * The four claims on the runs of {@code seeds} seeds.
     *
     * @param runs its runs, in order
     * @param seeds the seeds run
     * @return the judged claims
     */
    public static List<ClaimResult> of(List<SamLnRun> runs, long[] seeds) {
        List<ClaimResult> out = new ArrayList<>();
        out.add(claim("SAM-1 lambda_max", "SAM ends at a lower lambda_max than SGD at equal training loss", runs, seeds,
                Arm.SAM, true));
        out.add(claim("SAM-1 tr H", "SAM ends at a lower Hessian trace than SGD at equal training loss", runs, seeds,
                Arm.SAM, false));
        out.add(claim("LN-1 tr H", "label-noise SGD ends at a lower Hessian trace than SGD at equal training loss", runs,
                seeds, Arm.LABEL_NOISE, false));
        out.add(claim("LN-1 lambda_max", "label-noise SGD ends at a lower lambda_max than SGD at equal training loss",
                runs, seeds, Arm.LABEL_NOISE, true));
        return out;
    }

    private static ClaimResult claim(String id, String statement, List<SamLnRun> runs, long[] seeds, Arm arm,
                                     boolean lambda) {
        ToDoubleFunction<SamLnRun> value = lambda ? r -> Math.log10(r.lambdaMax()) : r -> Math.log10(r.trace());
        ToDoubleFunction<SamLnRun> error = lambda ? r -> r.lambdaResidual() / (r.lambdaMax() * Math.log(10))
                : r -> r.traceStderr() / (r.trace() * Math.log(10));
        double[] diff = new double[seeds.length];
        double resolution = 0;
        for (int i = 0; i < seeds.length; i++) {
            SamLnRun a = find(runs, seeds[i], arm);
            SamLnRun b = find(runs, seeds[i], Arm.SGD);
            diff[i] = value.applyAsDouble(a) - value.applyAsDouble(b);
            double e = Math.hypot(error.applyAsDouble(a), error.applyAsDouble(b));
            resolution = Double.isFinite(e) ? Math.max(resolution, e) : resolution;
        }
        String what = lambda ? "log10 lambda_max" : "log10 tr H";
        return Claim.of(id, statement, what + ", " + arm.words() + " minus SGD, same seed, at the loss target",
                Direction.DECREASE, 0, resolution).test(diff);
    }

    static SamLnRun find(List<SamLnRun> runs, long seed, Arm arm) {
        return runs.stream().filter(r -> r.seed() == seed && r.arm() == arm).findFirst()
                .orElseThrow(() -> new IllegalStateException("no SAM-1/LN-1 run for seed " + seed + ", " + arm.words()));
    }
}
