package org.occam.lab.sgd3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Verdict;
import org.occam.lab.run.ImageData;

class Sgd3Test {
    /** The quick setting: three arms per seed, the large arms take B_l/B_s times fewer steps, five claims. */
    @Test
    void quickArmsAndClaims() {
        Sgd3Setting s = Sgd3Setting.quick();
        Sgd3Result r = Sgd3.run(s, 1, x -> { });
        assertEquals(3 * s.seeds(), r.runs().size());
        for (Sgd3Run run : r.runs()) {
            assertFalse(run.diverged());
            long steps = (long) s.epochs() * 128 / s.batchSize(run.arm());
            assertEquals(steps, run.steps(), run.arm().words());
            assertTrue(run.atEnd().sharpness() > 0 && run.testAccuracy() > 0);
        }
        assertEquals(5, r.claims().size());
        for (ClaimResult c : r.claims()) {
            assertEquals(s.seeds(), c.n(), c.claim().id());
        }
        // the regularized arm trains on a different objective, so it ends elsewhere than the plain large batch
        Sgd3Run large = r.runs().stream().filter(x -> x.arm() == Arm.LARGE && x.seed() == 0).findFirst().orElseThrow();
        Sgd3Run reg = r.runs().stream().filter(x -> x.arm() == Arm.LARGE_REGULARIZED && x.seed() == 0).findFirst()
                .orElseThrow();
        assertTrue(large.trainLoss() != reg.trainLoss());
    }

    /** The fraction claim: recovered / gap with the paired bootstrap, resolution one image over the mean gap. */
    @Test
    void fractionClaimOnConstructedSeeds() {
        double[] gap = {0.02, 0.03, 0.025, 0.02, 0.03};
        double[] recovered = {0.01, 0.015, 0.0125, 0.01, 0.015};
        ClaimResult c = Sgd3Claims.fraction(recovered, gap, 1e-4);
        assertEquals(0.5, c.effect(), 1e-12);
        assertEquals(0.5, c.ci().lo(), 1e-12);
        assertEquals(0.5, c.ci().hi(), 1e-12);
        assertEquals(1e-4 / 0.025, c.claim().resolution(), 1e-15);
        assertEquals(Verdict.SUPPORTED, c.verdict());
        ClaimResult none = Sgd3Claims.fraction(new double[] {0.001, -0.001, 0.002, -0.002, 0}, gap, 1e-4);
        assertEquals(Verdict.INCONCLUSIVE, none.verdict());
    }

    @Test
    void settingsAreChecked() {
        ImageData d = new ImageData("digits", 128, 10);
        assertThrows(IllegalArgumentException.class, () -> new Sgd3Setting(d, "m", 0.1, 4, 30, 0.1, 1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Sgd3Setting(d, "m", 0.1, 32, 16, 0.1, 1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Sgd3Setting(new ImageData("digits", 100, 10), "m", 0.1, 4,
                32, 0.1, 1, 1, 5));
    }
}
