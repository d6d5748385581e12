package org.occam.lab.igr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Verdict;
import org.occam.tensor.DType;

/** The paired claims on constructed runs, where the right verdict is known. */
class IgrClaimsTest {
    private static final IgrSetting S = new IgrSetting("mlp:784-8-10:relu", 100, new double[] {0.02, 0.08},
            new double[] {0.1}, new double[0], new double[] {0.02, 0.08}, 50, 0.2, 100, 0, 5, 1.0, 4, 6, 0.5,
            DType.FLOAT32, false);

    /** A run whose metrics scale with the regularization strength r (0 for the baseline), plus per-seed noise. */
    private static IgrRun run(Arm arm, long seed, double r, double accGain, boolean reached) {
        double noise = 0.01 * Math.sin(seed + 1.0);
        double scale = 1 - r + 0.1 * noise;
        return new IgrRun(arm, seed, 100, reached, false, 0.2, 1e-8 * (1 + seed) * scale, 5 * scale, 1e-6,
                60 * scale, 0.87 + 0.001 * seed + accGain * (1 + noise), 0.3, 0.5, List.of());
    }

    private static List<IgrRun> runs(double rH, double accH, double rMu, double accMu, int missSeed) {
        return runs(rH, accH, rMu, accMu, missSeed, 0.3, 0.015, 0.4, 0.02);
    }

    /** As above, with the SGD runs at h = 0.02 and 0.08 (batch 50) at strengths rSlow and rFast. */
    private static List<IgrRun> runs(double rH, double accH, double rMu, double accMu, int missSeed, double rSlow,
                                     double accSlow, double rFast, double accFast) {
        List<IgrRun> out = new ArrayList<>();
        for (long seed = 0; seed < 5; seed++) {
            out.add(run(new Arm(0.02, 0, Arm.Regime.BELOW_EOS), seed, 0, 0, true));
            out.add(run(new Arm(0.08, 0, Arm.Regime.BELOW_EOS), seed, rH, accH, seed != missSeed));
            out.add(run(new Arm(0.02, 0.1, Arm.Regime.BELOW_EOS), seed, rMu, accMu, true));
            out.add(run(Arm.sgd(0.02, 50), seed, rSlow, accSlow, true));
            out.add(run(Arm.sgd(0.08, 50), seed, rFast, accFast, true));
        }
        return out;
    }

    private static ClaimResult byId(List<ClaimResult> rs, String id) {
        return rs.stream().filter(r -> r.claim().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void consistentPairedEffectsAreSupportedAndReversedOnesContradicted() {
        List<ClaimResult> rs = IgrClaims.belowEdgeOfStability(S, runs(0.1, 0.005, -0.1, -0.005, -1), 1e-4);
        assertEquals(9, rs.size());
        for (String id : List.of("IGR-2 R_IG(h)", "IGR-2 lambda_max(h)", "IGR-2 test_acc(h)",
                "GC-2 GC(h, SGD B=50)", "GC-2 GC(B=50 vs full)")) {
            ClaimResult r = byId(rs, id);
            assertEquals(Verdict.SUPPORTED, r.verdict(), id + " " + r);
            assertEquals(5, r.n());
        }
        assertEquals(-0.1, byId(rs, "IGR-2 R_IG(h)").effect(), 0.01, "relative change of R_IG");
        assertEquals(0.005, byId(rs, "IGR-2 test_acc(h)").effect(), 1e-4, "accuracy difference");
        assertEquals(1e-4, byId(rs, "IGR-2 test_acc(h)").claim().resolution());
        assertEquals(0.6 / 0.7 - 1, byId(rs, "GC-2 GC(h, SGD B=50)").effect(), 0.01, "SGD h=0.08 vs 0.02");
        assertEquals(0.6 / 0.9 - 1, byId(rs, "GC-2 GC(B=50 vs full)").effect(), 0.01, "SGD vs GD at h=0.08");
        for (String id : List.of("IGR-2 R_IG(mu)", "IGR-2 lambda_max(mu)", "IGR-2 test_acc(mu)")) {
            assertEquals(Verdict.CONTRADICTED, byId(rs, id).verdict(), id);
        }
    }

    /** GC rising with the SGD learning rate, and above the full batch's, contradicts both GC-2 claims. */
    @Test
    void gcRisingUnderSgdIsContradicted() {
        List<ClaimResult> rs = IgrClaims.belowEdgeOfStability(S,
                runs(0.1, 0.005, 0.1, 0.005, -1, 0.0, 0.0, -0.2, 0.0), 1e-4);
        assertEquals(Verdict.CONTRADICTED, byId(rs, "GC-2 GC(h, SGD B=50)").verdict());
        assertEquals(Verdict.CONTRADICTED, byId(rs, "GC-2 GC(B=50 vs full)").verdict());
        assertEquals(Verdict.SUPPORTED, byId(rs, "IGR-2 R_IG(h)").verdict());
    }

    /** Full-batch GC is judged with the same paired logic, as context apart from the claims. */
    @Test
    void fullBatchGcIsContextJudgedTheSameWay() {
        List<ClaimResult> rs = IgrClaims.fullBatchGc(S, runs(0.1, 0.005, -0.1, -0.005, -1), 1e-4);
        assertEquals(2, rs.size());
        assertEquals(Verdict.SUPPORTED, byId(rs, "GC(h, full batch)").verdict());
        assertEquals(-0.1, byId(rs, "GC(h, full batch)").effect(), 0.01);
        assertEquals(Verdict.CONTRADICTED, byId(rs, "GC(mu, full batch)").verdict());
        List<ClaimResult> claims = IgrClaims.belowEdgeOfStability(S, runs(0.1, 0.005, -0.1, -0.005, -1), 1e-4);
        assertTrue(claims.stream().noneMatch(c -> c.claim().id().contains("full batch")),
                "full-batch GC is not a GC-2 claim");
    }

    @Test
    void aRunThatMissedTheTargetMakesItsClaimInconclusive() {
        List<ClaimResult> rs = IgrClaims.belowEdgeOfStability(S, runs(0.1, 0.005, 0.1, 0.005, 2), 1e-4);
        ClaimResult r = byId(rs, "IGR-2 R_IG(h)");
        assertTrue(Double.isNaN(r.values()[2]));
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertEquals(Verdict.SUPPORTED, byId(rs, "IGR-2 R_IG(mu)").verdict());
    }

    @Test
    void anAccuracyGainBelowOneTestImageIsInconclusive() {
        List<ClaimResult> rs = IgrClaims.belowEdgeOfStability(S, runs(0.1, 5e-5, 0.1, 5e-5, -1), 1e-4);
        assertEquals(Verdict.INCONCLUSIVE, byId(rs, "IGR-2 test_acc(h)").verdict());
    }

    @Test
    void gcAgainstAccuracyIsTheWithinSeedRankCorrelation() {
        // GC falls and accuracy rises with the regularization over all five runs of a seed: rho = -1 in every seed
        List<ClaimResult> rs = IgrClaims.belowEdgeOfStability(S, runs(0.1, 0.005, 0.2, 0.01, -1), 1e-4);
        ClaimResult r = byId(rs, "GC-2 rho(GC,test_acc)");
        assertEquals(-1.0, r.effect(), 1e-12);
        for (double v : r.values()) {
            assertEquals(-1.0, v, 1e-12);
        }
    }
}
