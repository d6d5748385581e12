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
    @Test
    void dalTiny(@TempDir Path dir) throws Exception {
        DalSweep.Settings s = new DalSweep.Settings("mlp:64-8-10:tanh", 60, new double[] {0, 1, 2}, 0.05, 5, 20, 5, 0);
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
}
