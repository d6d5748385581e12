package org.occam.lab.dal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Outcome;
import org.occam.lab.claim.Verdict;
import org.occam.lab.report.ReportChecks;
import org.occam.lab.seeds.Seeds;

/** DAL-1 end to end at a tiny size: the runs, the edge check and the report. */
class DalSweepTest {
    /** The reference rule (2/v^p): h_t = 2/v_t at p = 1. */
    @Test
    void dalTinyReference(@TempDir Path dir) throws Exception {
        DalSweep.Settings s = new DalSweep.Settings("mlp:64-8-10:tanh", 60, new double[] {0, 1, 2}, 0.05, 5, 20, 5, 0,
                false);
        DalSweep.Result r = DalSweep.run(s, x -> { });
        assertEquals(4, r.runs().size(), "three powers with exact HVPs and p = 1 by finite difference");
        DalSweep.Run exact = r.runs().get(1);
        DalSweep.Run fd = r.runs().get(3);
        assertEquals(1, exact.power());
        assertTrue(exact.edgeCheck() < 1e-5, "h_t = 2/v_t with an exact HVP: " + exact.edgeCheck());
        assertTrue(fd.edgeCheck() > 0 && fd.edgeCheck() < 0.05, "finite difference within O(eps): " + fd.edgeCheck());
        assertEquals(0.05, r.runs().get(0).medianLr(), 0, "p = 0 is plain GD at the base rate");
        Outcome o = DalSweep.reproduce(s, new Seeds(0, 2, 1), true, dir, x -> { });
        ClaimResult identity = o.claims().getFirst();
        assertEquals("DAL-1 h_t = 2/v_t", identity.claim().id());
        assertEquals(exact.edgeCheck(), identity.values()[0], 0, "seed 0's p = 1 check");
        assertEquals(Verdict.SUPPORTED, identity.verdict(), "exact HVPs keep h_t = 2/v_t within 1e-3 on both seeds");
        assertTrue(o.claims().stream().anyMatch(c -> c.claim().id().equals("DAL-1 smaller steps")));
        ReportChecks.assertReport(dir, "dal_lr", "edge_check", "loss");
    }

    /**
     * Normalised v (the default): every p starts at the base rate, p = 1 keeps h_t·v_t = h_base·v_0
     * (checked against an independent v), and the identity claim is judged in that form.
     */
    @Test
    void dalTinyNormalized(@TempDir Path dir) throws Exception {
        DalSweep.Settings s = DalSweep.Settings.quick();
        assertTrue(s.normalized() && DalSweep.Settings.defaults().normalized(), "DAL-1 normalises v by default");
        DalSweep.Result r = DalSweep.run(s, x -> { });
        for (DalSweep.Run run : r.runs()) {
            Object first = run.rows().getFirst().get("dal_lr");
            assertEquals(s.baseLr(), ((Number) first).doubleValue(), 1e-7, run.label() + ": h_0 = h_base");
            assertEquals(((Number) run.rows().getFirst().get("drift_ratio")).doubleValue(), run.initialDrift(), 0,
                    run.label() + ": v_0 is the first step's drift ratio");
        }
        DalSweep.Run exact = r.runs().getFirst();
        assertEquals(1, exact.power());
        assertTrue(exact.edgeCheck() < 1e-5, "h_t·v_t = h_base·v_0 with an exact HVP: " + exact.edgeCheck());
        Outcome o = DalSweep.reproduce(s, new Seeds(0, 2, 1), true, dir, x -> { });
        assertEquals("DAL-1 h_t v_t = h_0 v_0", o.claims().getFirst().claim().id());
        assertEquals(Verdict.SUPPORTED, o.claims().getFirst().verdict());
        assertEquals("DAL-1 v_t > v_0", o.claims().get(1).claim().id());
    }
}
