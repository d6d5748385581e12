package org.occam.lab.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.ReportChecks;
import org.occam.lab.seeds.Seeds;

/** MM-1 end to end at a tiny size, and its fits on an exact Soudry trajectory. */
class MaxMarginSweepTest {
    @Test
    void tinyRunWritesClaimsAndReport(@TempDir Path dir) throws Exception {
        MaxMarginSweep.Settings s = MaxMarginSweep.Settings.quick();
        List<String> log = new ArrayList<>();
        MaxMarginSweep.Result r = MaxMarginSweep.run(s, log::add);
        assertEquals(1, log.size());
        assertEquals(13, r.steps().length, "t = 1, 2, ..., 2^12");
        assertTrue(r.logistic()[12] < r.logistic()[6], "GD turned towards the SVM direction");
        Outcome o = MaxMarginSweep.reproduce(s, new Seeds(0, 2, 1), true, dir, x -> { });
        assertEquals(7, o.claims().size());
        ReportChecks.assertReport(dir, "angles");
        assertTrue(Files.readAllLines(dir.resolve("results.csv")).getFirst().startsWith("seed,step,angle_logistic_svm"));
    }

    @Test
    void exactSoudryTrajectoryHasSlopeOneAndABoundedResidual() {
        double[] svm = {2, -1, 0.5};
        double[] rho = {-4, 2.4, -1.0}; // ρ·ŵ/‖ŵ‖² ≈ −2.1: an offset along ŵ
        long[] steps = new long[21];
        List<double[]> ws = new ArrayList<>();
        for (int k = 0; k <= 20; k++) {
            steps[k] = 1L << k;
            double l = Math.log(steps[k]);
            ws.add(new double[] {svm[0] * l + rho[0], svm[1] * l + rho[1], svm[2] * l + rho[2]});
        }
        MaxMarginTrends t = MaxMarginTrends.of(steps, ws, svm, 1 << 10);
        assertEquals(1, t.slope(), 1e-12);
        assertEquals(1, t.perpRatio(), 1e-12);
        assertTrue(t.endAngle() < t.startAngle());
        // a constant offset along ŵ biases the direct exponent p away from 1: why it is not claimed
        assertTrue(Math.abs(t.exponent() - 1) > 0.01, "p = " + t.exponent());
    }

    @Test
    void badSettingsNameTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MaxMarginSweep.Settings(4, 6, 0.1, 100, 6, 0));
        assertTrue(e.getMessage().contains("--steps must be at least 256"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxMarginSweep.Settings(4, 1, 0.1, 4096, 6, 0));
        assertTrue(e.getMessage().contains("--dim >= 2"), e.getMessage());
    }
}
