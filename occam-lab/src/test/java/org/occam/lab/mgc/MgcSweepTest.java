package org.occam.lab.mgc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Outcome;
import org.occam.lab.claim.Verdict;
import org.occam.lab.report.ReportChecks;
import org.occam.lab.seeds.Seeds;
import org.occam.measure.margin.MarginGc;

/** MGC-1 end to end at a tiny size, label corruption, and its claims on hand-made runs. */
class MgcSweepTest {
    @Test
    void mgcTinyFitsTrueAndRandomLabelsAndWritesItsReport(@TempDir Path dir) throws Exception {
        MgcSweep.Settings s = new MgcSweep.Settings("digits", "mlp:64-32-10:relu", 60, new double[] {0, 1}, new double[] {0.5},
                new long[] {0, 1}, 20, 0.3, 1500, 100, 0.1);
        List<String> log = new ArrayList<>();
        MgcSweep.Result r = MgcSweep.run(s, log::add);
        assertEquals(4, r.runs().size());
        assertEquals(4, log.size());
        for (MgcSweep.Run run : r.runs()) {
            assertTrue(run.reached() && run.trainAccuracy() == 1 && run.trainLoss() <= 0.3, run.label() + ": " + run);
            assertTrue(run.bound().gamma() > 0 && run.bound().gcOverGamma2() > 0, run.toString());
            assertEquals(run.bound().gc() / (run.bound().gamma() * run.bound().gamma()), run.bound().gcOverGamma2(), 1e-12
                    * run.bound().gcOverGamma2());
            assertEquals(run.curve().getLast()[0], run.steps(), "the curve ends at the last step");
        }
        assertEquals("random h = 0.5 s=1", r.runs().get(3).label());
        assertTrue(r.runs().get(3).gap() > r.runs().get(0).gap(), "random labels do not generalize");
        Outcome o = MgcSweep.reproduce(s, new Seeds(0, 2, 1), true, dir, x -> { });
        assertEquals(4, o.claims().size());
        assertEquals(Verdict.SUPPORTED, o.claims().getFirst().verdict(), "every run fitted on both seeds");
        ReportChecks.assertReport(dir, "gc_over_gamma2_gap", "gc_gap", "gc_over_gamma2_curves");
        assertEquals(5, Files.readAllLines(dir.resolve("results.csv")).size(), "a header and 2 runs for each of 2 seeds");
    }

    @Test
    void corruptionKeepsCleanLabelsAndChangesTheOthers() {
        Dataset clean = Datasets.digitsSplit().train().slice(0, 200);
        assertTrue(MgcSweep.corrupt(clean, 0, 3) == clean);
        int[] half = MgcSweep.corrupt(clean, 0.5, 3).y();
        long wrong = java.util.stream.IntStream.range(0, 200).filter(i -> half[i] != clean.y()[i]).count();
        assertEquals(100, wrong, "exactly half the labels are wrong");
        assertNotEquals(Arrays.toString(clean.y()), Arrays.toString(MgcSweep.corrupt(clean, 1, 3).y()));
        assertEquals("wrong 20%", MgcSweep.labels(0.2));
    }

    private static MgcSweep.Run run(double corruption, double ratio, double gap) {
        double gamma = 2;
        return new MgcSweep.Run(corruption, 0.1, 0, 100, true, 0.01, 1, 1 - gap, new MarginGc(ratio * gamma * gamma, gamma, 0.1,
                ratio), List.of(), 0);
    }

    private static MgcSweep.Result seed(MgcSweep.Run... runs) {
        return new MgcSweep.Result(MgcSweep.Settings.quick(), List.of(runs));
    }

    @Test
    void claimsFailWhenRandomLabelsDoNotRaiseTheRatioOrTheRatioMissesTheGap() {
        List<ClaimResult> good = MgcClaims.of(List.of(seed(run(0, 10, 0.1), run(0, 12, 0.12), run(1, 50, 0.8), run(1, 60, 0.85)),
                seed(run(0, 11, 0.1), run(0, 13, 0.11), run(1, 40, 0.7), run(1, 70, 0.9))));
        assertTrue(good.stream().allMatch(c -> c.verdict() == Verdict.SUPPORTED), good.toString());
        MgcSweep.Result bad = seed(run(0, 10, 0.1), run(0, 70, 0.12), run(1, 50, 0.8), run(1, 5, 0.85));
        List<ClaimResult> b = MgcClaims.of(List.of(bad, bad));
        assertEquals(Verdict.CONTRADICTED, b.get(1).verdict(), "median 27.5 (random) < 40 (true)");
        assertEquals(-0.4, b.get(2).values()[0], 1e-12, "Spearman -0.4");
        assertEquals(Verdict.CONTRADICTED, b.get(2).verdict());
        MgcSweep.Result unfitted = seed(run(0, Double.NaN, 0.1), run(1, 50, 0.8));
        assertEquals(Verdict.INCONCLUSIVE, MgcClaims.of(List.of(unfitted, unfitted)).get(1).verdict(),
                "a true-label run without a bound cannot show the separation");
    }
}
