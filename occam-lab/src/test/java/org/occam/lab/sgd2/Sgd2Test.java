package org.occam.lab.sgd2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.run.ImageData;

class Sgd2Test {
    /** The quick grid runs end to end: every (ratio, B, seed) once, ε = ratio·B, nine claims over the seeds. */
    @Test
    void quickGridAndClaims() {
        Sgd2Setting s = Sgd2Setting.quick();
        List<String> log = new ArrayList<>();
        Sgd2Result r = Sgd2.run(s, 1, log::add);
        assertEquals(s.seeds() * s.ratios().length * s.batchSizes().length, r.runs().size());
        assertEquals(r.runs().size(), log.size());
        for (Sgd2Run run : r.runs()) {
            assertEquals(run.ratio() * run.batchSize(), run.lr(), 1e-15);
            assertEquals((long) s.epochs() * (128 / run.batchSize()), run.steps());
            assertFalse(run.diverged());
            assertTrue(run.atEnd().gc() > 0 && run.atEnd().sharpness() > 0 && run.atEnd().gradNormSquared() > 0);
            assertTrue(run.testAccuracy() > 0 && run.testAccuracy() <= 1);
            assertTrue(run.targetStep() > 0 && run.targetStep() < run.steps(), "loss target reached within the run");
            assertTrue(run.atTarget().gc() > 0 && run.atTarget().sharpness() > 0);
        }
        assertEquals(9, r.claims().size());
        for (ClaimResult c : r.claims()) {
            assertEquals(s.seeds(), c.n(), c.claim().id());
            assertTrue(c.ci().defined(), c.claim().id());
            assertEquals(s.seeds(), c.values().length);
        }
    }

    /** Two runs at a time give the same bits as one at a time. */
    @Test
    void parallelRunsAreBitIdentical() {
        Sgd2Setting s = Sgd2Setting.quick().withSeeds(1);
        List<Sgd2Run> one = Sgd2.run(s, 1, x -> { }).runs();
        List<Sgd2Run> two = Sgd2.run(s, 2, x -> { }).runs();
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).atEnd(), two.get(i).atEnd());
            assertEquals(one.get(i).testAccuracy(), two.get(i).testAccuracy());
            assertEquals(one.get(i).trainLoss(), two.get(i).trainLoss());
        }
    }

    @Test
    void settingsAreChecked() {
        ImageData d = new ImageData("digits", 64, 10);
        assertThrows(IllegalArgumentException.class,
                () -> new Sgd2Setting(d, "mlp:64-8-10", new double[] {0.01}, new int[] {4, 8}, 1, 1, 5, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> new Sgd2Setting(d, "mlp:64-8-10", new double[] {0.01, 0.02}, new int[] {4, 128}, 1, 1, 5, 1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sgd2.run(
                new Sgd2Setting(d, "mlp:784-8-10", new double[] {0.01, 0.02}, new int[] {4, 8}, 1, 1, 5, 1.0), 1, x -> { }));
        assertTrue(e.getMessage().contains("784 inputs"), e.getMessage());
    }
}
