package org.occam.lab.dal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.report.ReportChecks;

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
        assertTrue(r.claims().stream().anyMatch(c -> c.id().contains("rho(p, h_t)")));
        DalSweepReport.write(r, dir);
        ReportChecks.assertReport(dir, "dal_lr", "edge_check", "loss");
    }
}
