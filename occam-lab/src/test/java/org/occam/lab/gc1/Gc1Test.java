package org.occam.lab.gc1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.lab.claim.ClaimResult;

class Gc1Test {
    /** The quick sweeps: 5 distinct configurations (the baseline shared), runs stop at the loss target, nine claims. */
    @Test
    void quickSweepsStopAtTheTarget() {
        Gc1Setting s = Gc1Setting.quick();
        assertEquals(5, Gc1.configs(s).size());
        Gc1Result r = Gc1.run(s, 1, x -> { });
        assertEquals(5 * s.seeds(), r.runs().size());
        for (Gc1Run run : r.runs()) {
            assertTrue(run.reached(), run.config().label());
            assertTrue(run.trainMse() <= s.lossTarget());
            assertEquals(0, run.step() % s.every());
            // the match is the first measurement at or below the target
            for (double[] c : run.curve().subList(0, run.curve().size() - 1)) {
                assertTrue(c[1] > s.lossTarget());
            }
            assertTrue(run.arcLength() >= 2 * Math.PI - 1e-9, "arc length at least the interval's length");
        }
        assertEquals(9, r.claims().size());
        for (ClaimResult c : r.claims()) {
            assertEquals(s.seeds(), c.n(), c.claim().id());
            assertTrue(c.ci().defined(), c.claim().id());
        }
    }

    @Test
    void parallelRunsAreBitIdentical() {
        Gc1Setting s = Gc1Setting.quick().withSeeds(1);
        List<Gc1Run> one = Gc1.run(s, 1, x -> { }).runs();
        List<Gc1Run> two = Gc1.run(s, 2, x -> { }).runs();
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).step(), two.get(i).step());
            assertEquals(one.get(i).gc(), two.get(i).gc());
            assertEquals(one.get(i).arcLength(), two.get(i).arcLength());
        }
    }

    @Test
    void settingsAreChecked() {
        Gc1Setting q = Gc1Setting.quick();
        assertThrows(IllegalArgumentException.class, () -> new Gc1Setting(8, 0.1, "mlp:1-4-1", 0.05, new double[] {0.1, 0.2},
                q.batchSizes(), q.l2(), q.gcPenalty(), 0.1, 10, 1, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new Gc1Setting(8, 0.1, "mlp:1-4-1", 0.05, q.lrs(),
                new int[] {2, 4}, q.l2(), q.gcPenalty(), 0.1, 10, 1, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new Gc1Setting(8, 0.1, "mlp:1-4-1", 0.05, q.lrs(),
                q.batchSizes(), new double[] {1e-3, 1e-2}, q.gcPenalty(), 0.1, 10, 1, 5, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gc1.run(new Gc1Setting(8, 0.1,
                "mlp:2-4-1", 0.05, q.lrs(), q.batchSizes(), q.l2(), q.gcPenalty(), 0.1, 10, 1, 5, 1), 1, x -> { }));
        assertTrue(e.getMessage().contains("one input"), e.getMessage());
    }
}
