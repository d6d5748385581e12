package org.occam.lab.nc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.data.Datasets;
import org.occam.lab.claim.Effects;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.ReportChecks;
import org.occam.lab.seeds.Seeds;

/** NC-1 end to end at a tiny size: the runs, the claims and the report. */
class NcSweepTest {
    static NcSweep.Settings tiny() {
        return new NcSweep.Settings("digits", "mlp:64-12-12-5:tanh", new int[] {0, 1, 2, 3, 4}, new int[] {5, 6, 7, 8, 9}, 0.1, 64,
                new double[] {0.3}, new int[] {128}, new double[] {1e-3}, new double[] {1e-3}, 0, 2, 5, 4, 0, 0);
    }

    @Test
    void tinySweepMeasuresEveryRunAndWritesTheReport(@TempDir Path dir) throws Exception {
        NcSweep.Result r = NcSweep.run(tiny(), x -> { });
        assertEquals(List.of("base", "h", "B", "L2", "GC"), r.runs().stream().map(run -> run.config().factor()).toList());
        for (NcSweep.Run run : r.runs()) {
            assertEquals(2, run.epochs(), "no loss target: max epochs");
            assertTrue(run.sourceGc() > 0 && run.targetCdnv() > 0, run.toString());
            assertTrue(run.fewShot() > 0.2 && run.fewShot() <= 1, "above chance (0.2) for 5 classes: " + run.fewShot());
            assertEquals(4, run.stats().fewShot().accuracies().length);
            assertEquals(12, run.stats().source().dim(), "the penultimate embedding");
        }
        NcSweep.Result again = NcSweep.run(tiny(), x -> { });
        assertEquals(r.runs().get(1).fewShot(), again.runs().get(1).fewShot(), 0, "deterministic");
        assertEquals(r.runs().get(1).sourceGc(), again.runs().get(1).sourceGc(), 0, "deterministic");
        Outcome o = NcSweep.reproduce(tiny(), new Seeds(0, 2, 1), true, dir, x -> { });
        assertEquals(8, o.claims().size(), "the terminal phase, 3 chain claims and 4 knob lines");
        assertEquals(Effects.spearman(r.runs().stream().mapToDouble(NcSweep.Run::sourceGc).toArray(),
                r.runs().stream().mapToDouble(NcSweep.Run::targetCdnv).toArray()), o.claims().get(1).values()[0], 1e-12,
                "seed 0's ρ(source GC, target CDNV) over its 5 runs");
        ReportChecks.assertReport(dir, "target_cdnv_vs_gc", "fewshot_vs_target_cdnv", "fewshot_vs_gc", "poincare");
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(1 + 2 * 5, csv.size(), "a header and 5 runs for each of 2 seeds");
        assertTrue(csv.get(0).contains("embedding_gc") && csv.get(0).contains("target_cdnv") && csv.get(0).contains("fewshot_accuracy"));
    }

    @Test
    void lossTargetStopsEachRunAtEqualLoss() {
        NcSweep.Settings s = new NcSweep.Settings("digits", "mlp:64-12-12-5:tanh", new int[] {0, 1}, new int[] {5, 6}, 0.5, 32,
                new double[0], new int[0], new double[0], new double[0], 0.3, 50, 5, 4, 0, 0);
        NcSweep.Result r = NcSweep.run(s, x -> { });
        NcSweep.Run run = r.runs().getFirst();
        assertTrue(run.reachedTarget() && run.trainLoss() <= 0.3, run.toString());
        assertTrue(run.epochs() < 50, run.toString());
    }

    @Test
    void theTerminalPhaseTrainsTheGivenMultipleOfTheStepsToFitTheTrainingSet() {
        NcSweep.Settings s = new NcSweep.Settings("digits", "mlp:64-12-12-5:tanh", new int[] {0, 1}, new int[] {5, 6}, 0.5, 32,
                new double[0], new int[0], new double[0], new double[0], 0, 200, 5, 4, 0, 3);
        NcSweep.Run run = NcSweep.run(s, x -> { }).runs().getFirst();
        int perEpoch = (int) Math.ceil(Datasets.digitsSplit().train().classSubset(0, 1).size() / 32.0);
        assertTrue(run.fitStep() > 0 && run.trainAccuracy() == 1, run.toString());
        assertTrue(run.reachedTarget() && run.steps() >= 3 * run.fitStep() && run.steps() < 3 * run.fitStep() + perEpoch,
                "stops at the first epoch end past 3x the steps to 100 %: " + run);
        assertThrows(IllegalArgumentException.class, () -> new NcSweep.Settings("digits", "mlp:64-12-12-5:tanh", new int[] {0, 1},
                new int[] {5, 6}, 0.5, 32, new double[0], new int[0], new double[0], new double[0], 0.3, 50, 5, 4, 0, 3),
                "one stopping rule");
    }
}
