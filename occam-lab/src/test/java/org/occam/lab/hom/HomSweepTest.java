package org.occam.lab.hom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Outcome;
import org.occam.lab.claim.Verdict;
import org.occam.lab.report.ReportChecks;
import org.occam.lab.seeds.Seeds;
import org.occam.train.RunStatus;

/** HOM-1 end to end at a tiny size and its trend analysis on hand-made curves. */
class HomSweepTest {
    @Test
    void homTinyFitsTheDataAndKeepsTheSmoothedMarginMonotone(@TempDir Path dir) throws Exception {
        HomSweep.Settings s = new HomSweep.Settings("separable", "mlp:2-8-1:relu:nobias", 20, 0.1, 1.0, 512, 8, 4, 0);
        List<String> log = new ArrayList<>();
        HomSweep.Result r = HomSweep.run(s, log::add);
        assertEquals(1, log.size());
        assertEquals(512 / 8 + 1, r.run().margins().size(), "every 8 steps and the final row");
        assertEquals(List.of(0L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L), r.run().dirs().stream()
                .map(m -> ((Number) m.get("step")).longValue()).toList());
        HomTrends t = r.trends();
        assertEquals(2, t.degree());
        assertTrue(t.fittedStep() > 0 && t.violations() == 0, "fitted at " + t.fittedStep() + ", " + t.violations());
        assertEquals(1.0, r.run().margins().getLast().get("margin_positive_frac"));
        Outcome o = HomSweep.reproduce(s, new Seeds(0, 2, 1), true, dir, x -> { });
        assertEquals(5, o.claims().size());
        assertEquals(0, o.claims().getFirst().values()[0], "no decrease of the smoothed margin on seed 0");
        ReportChecks.assertReport(dir, "margins", "param_norm", "loss", "direction");
        assertTrue(Files.readAllLines(dir.resolve("results.csv")).getFirst().startsWith("seed,step,log_sum_loss,smoothed_margin"));
    }

    @Test
    void trendsCountDecreasesAndFitTheNormExactlyOnHandMadeCurves() {
        // rho^2 = 3 ln t + 10 exactly, L < log 2 from step 4, one decrease of the smoothed margin at step 64
        List<Map<String, Object>> margins = new ArrayList<>();
        double[] smoothed = {-1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.45, 0.6, 0.7};
        for (int k = 0; k < smoothed.length; k++) {
            long step = k == 0 ? 0 : 1L << (k + 1);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", step);
            row.put("log_sum_loss", k == 0 ? 1.0 : -1.0 - k);
            row.put("smoothed_margin", smoothed[k]);
            row.put("normalized_margin", smoothed[k] + 1.0 / (k + 1));
            row.put("param_norm", Math.sqrt(3 * Math.log(Math.max(step, 1)) + 10));
            margins.add(row);
        }
        List<Map<String, Object>> dirs = List.of(Map.of("step", 0L, "align_cos", 0.1), Map.of("step", 8L, "align_cos", 0.5,
                "dir_cos", 0.99), Map.of("step", 16L, "align_cos", 0.4, "dir_cos", 0.995));
        HomTrends t = HomTrends.of(new HomSweep.Run(2, RunStatus.completed(512), margins, dirs, 0));
        assertEquals(4, t.fittedStep());
        assertEquals(1, t.violations());
        assertEquals(7, t.measuredAfterFit());
        assertEquals(0.1, t.maxRelativeDrop(), 1e-12);
        assertEquals(3, t.normSlope(), 1e-12);
        assertEquals(10, t.normIntercept(), 1e-10);
        assertEquals(1, t.normR2(), 1e-12);
        HomSweep.Settings s = HomSweep.Settings.quick();
        HomSweep.Result done = new HomSweep.Result(s, new HomSweep.Run(2, RunStatus.completed(512), margins, dirs, 0), t);
        List<ClaimResult> c = HomClaims.of(List.of(done, done));
        assertEquals(Verdict.CONTRADICTED, c.get(0).verdict(), "one violation on every seed");
        assertEquals(Verdict.SUPPORTED, c.get(1).verdict(), "the gap 1/(k+1) shrinks");
        assertEquals(Verdict.CONTRADICTED, c.get(3).verdict(), "dir_cos ends at 0.995 < 0.999");
        assertEquals(Verdict.CONTRADICTED, c.get(4).verdict(), "align_cos ends at 0.4");
        HomSweep.Result diverged = new HomSweep.Result(s, new HomSweep.Run(2, RunStatus.diverged(3, "loss is NaN"), margins,
                dirs, 0), t);
        assertEquals(Verdict.INCONCLUSIVE, HomClaims.of(List.of(diverged, done)).getFirst().verdict(), "a diverged seed");
    }
}
