package org.occam.lab.clr;

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

/** CLR-1 + COR-1 end to end at a tiny size: the runs, the claims and the report. */
class ClrSweepTest {
    @Test
    void clrTiny(@TempDir Path dir) throws Exception {
        ClrSweep.Settings s = new ClrSweep.Settings(20, 80, new double[] {0.01, 0.05}, "mlp:64-4-1:tanh", new double[] {1, 3},
                1e-2, 300, 100, 30, 0);
        ClrSweep.Result r = ClrSweep.run(s, x -> { });
        assertEquals(2 * (2 + 2 + 2), r.runs().size());
        ClrSweep.Run clr = r.runs().get(0);
        assertEquals("CLR", clr.rule());
        assertTrue(clr.reached(), "CLR reaches 1e-2 on least squares: " + clr);
        Outcome o = ClrSweep.reproduce(s, new Seeds(0, 2, 1), true, dir, x -> { });
        for (ClaimResult c : o.claims()) {
            if (c.claim().id().startsWith("COR-1")) {
                assertEquals(Verdict.SUPPORTED, c.verdict(), c.claim().id() + " is exact: " + c.intervalText());
            }
        }
        ReportChecks.assertReport(dir, "least_squares", "logistic", "clr_rate");
    }
}
