package org.occam.lab.igr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.report.Section;
import org.occam.tensor.DType;
import org.occam.tensor.kernel.Parallel;

class IgrSweepTest {
    private static IgrSetting tiny() {
        return new IgrSetting("mlp:784-8-10:relu", 100, new double[] {0.1, 0.2}, new double[] {0.05},
                new double[] {0.3}, new double[] {0.1, 0.2}, 20, 1.8, 200, 0, 2, 1.0, 4, 6, 0.5, DType.FLOAT32, true);
    }

    /** Same seeds and setting give the same bits with 1 or 2 kernel threads and 1 or 2 runs side by side. */
    @Test
    void bitIdenticalForAnyThreadAndWorkerCount() {
        IgrSetting s = tiny();
        IgrData data = IgrData.embeddedMnist(s.trainSize(), s.dtype());
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            IgrResult one = IgrSweep.run(s, data, 1, line -> { });
            Parallel.setThreads(2);
            IgrResult two = IgrSweep.run(s, data, 2, line -> { });
            assertEquals(2, Parallel.threads(), "the sweep restores the kernel thread count");
            assertEquals(one.runs().size(), two.runs().size());
            for (int i = 0; i < one.runs().size(); i++) {
                IgrRun a = one.runs().get(i);
                IgrRun b = two.runs().get(i);
                assertEquals(a.arm(), b.arm());
                assertEquals(a.seed(), b.seed());
                assertEquals(a.steps(), b.steps());
                for (double[] pair : new double[][] {{a.trainLoss(), b.trainLoss()}, {a.rIg(), b.rIg()},
                    {a.lambdaMax(), b.lambdaMax()}, {a.gc(), b.gc()}, {a.testAccuracy(), b.testAccuracy()},
                    {a.maxHLambda(), b.maxHLambda()}}) {
                    assertEquals(Double.doubleToRawLongBits(pair[0]), Double.doubleToRawLongBits(pair[1]),
                            a.arm().label() + " seed " + a.seed());
                }
            }
            for (int i = 0; i < one.claims().size(); i++) {
                ClaimResult a = one.claims().get(i);
                ClaimResult b = two.claims().get(i);
                assertEquals(Double.doubleToRawLongBits(a.effect()), Double.doubleToRawLongBits(b.effect()));
                assertEquals(Double.doubleToRawLongBits(a.ci().lo()), Double.doubleToRawLongBits(b.ci().lo()));
                assertEquals(a.verdict(), b.verdict());
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** The quick path: every arm and seed runs, the claims carry every field, the table warns, the map matches. */
    @Test
    void tinySweepYieldsClaimsTableAndMap() {
        IgrSetting s = tiny();
        List<String> log = new ArrayList<>();
        IgrResult r = IgrSweep.run(s, IgrData.embeddedMnist(s.trainSize(), s.dtype()), 2, log::add);
        assertEquals(6 * 2, r.runs().size(), "2 rates, 1 EGR strength, 2 SGD rates, 1 EoS rate, 2 seeds");
        assertEquals(12, log.size());
        assertEquals(9, r.claims().size());
        assertEquals(2, r.fullBatchGc().size());
        assertEquals(4, r.edgeOfStability().size());
        for (IgrRun run : r.runs()) {
            assertTrue(run.reachedTarget(), run.arm().label() + " seed " + run.seed() + " missed the target");
            assertTrue(run.trainLoss() <= s.lossTarget());
        }
        for (ClaimResult c : r.claims()) {
            assertEquals(2, c.n());
            assertEquals(2, c.values().length);
            assertTrue(c.ci().defined(), c.claim().id());
        }
        List<String> table = ClaimTable.lines(r.claims(), s.quick());
        assertEquals(ClaimTable.QUICK_WARNING, table.get(0));
        assertTrue(table.get(1).startsWith("claim") && table.get(1).contains("95% interval")
                && table.get(1).contains("resolution") && table.get(1).contains("verdict"));
        Map<String, Object> m = r.toMap();
        assertEquals(true, m.get("quick"));
        List<?> claims = (List<?>) m.get("claims");
        assertEquals(9, claims.size());
        Map<?, ?> first = (Map<?, ?>) claims.get(0);
        for (String key : List.of("id", "effect", "ci_low", "ci_high", "n", "resolution", "verdict", "per_seed")) {
            assertTrue(first.containsKey(key), key);
        }
        assertEquals(r.claims().get(0).verdict().word(), first.get("verdict"));
        assertEquals(12, ((List<?>) m.get("runs")).size());
        assertEquals(2, ((List<?>) m.get("full_batch_gc_context")).size());
        Section.Chart chart = IgrSweepReport.sections(r).stream().filter(x -> x instanceof Section.Chart)
                .map(x -> (Section.Chart) x).findFirst().orElseThrow();
        assertEquals("gc2", chart.name(), "the report's first chart is the GC-2 result");
        assertTrue(chart.caption().startsWith("What to look at:"), chart.caption());
    }
}
