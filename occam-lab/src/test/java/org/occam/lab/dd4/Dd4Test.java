package org.occam.lab.dd4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.games.gan.Dd4Setting;
import org.occam.games.gan.GanConfig;
import org.occam.games.gan.GanLog;
import org.occam.games.gan.GanRun;
import org.occam.games.gan.MixtureScore;
import org.occam.games.gan.ModeCoverage;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Verdict;
import org.occam.optim.Adam;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;

/** DD-4 (METHODS §11): settings, the claim logic on known inputs, and the MNIST GAN. */
class Dd4Test {
    /**
     * A fabricated run: coverage of {@code covered} modes (each with 400 of 2,500 samples), sample W₂ w2
     * against a perfect generator's floor; in the second half ‖∇_φ L_φ‖ goes from 1 to 10^x and ‖∇_θ L_θ‖
     * stays at 1, so the fluctuation is x/√2; or diverged.
     */
    private static Dd4.SeedRun fake(int covered, double x, boolean diverged, double w2, double floor) {
        int[] per = new int[8];
        for (int k = 0; k < covered; k++) {
            per[k] = 400;
        }
        ModeCoverage c = new ModeCoverage(2500, per, 0.05, 400 * covered);
        Dd4.Settings s = Dd4.Settings.faithful();
        List<GanLog> logs = List.of(new GanLog(0, 1, -1, 1e-3, 1e3), new GanLog(s.steps() / 2, 1, -1, 1, 1),
                new GanLog(s.steps(), 1, -1, Math.pow(10, x), 1));
        GanRun run = new GanRun(s.base(0), s.gan().init(Rng.seed(0), DType.FLOAT32), logs, diverged ? 10 : -1, 0);
        return new Dd4.SeedRun(0, run, List.of(c), List.of(new MixtureScore(c, w2, floor, 1000)), new double[0]);
    }

    private static Dd4.SeedRun fake(int covered, double x, boolean diverged) {
        return fake(covered, x, diverged, 1, 0.3);
    }

    private static Dd4.SchemeResult scheme(Dd4Scheme s, Dd4.SeedRun... runs) {
        return new Dd4.SchemeResult(s, 1, Dd4.Settings.faithful().base(0), List.of(runs));
    }

    @Test
    void settingsTakeTheGivenOptions() {
        Dd4.Settings s = Dd4Reproduction.settings("legacy", false, 40, 2, "cancel,sim", "0.02,0.01", "1,3", 0.5, 5, 0, 7);
        assertEquals("legacy", s.name());
        assertEquals(40, s.steps());
        assertEquals(2, s.seeds());
        assertEquals(List.of(Dd4Scheme.CANCEL, Dd4Scheme.SIMULTANEOUS), s.schemes());
        assertEquals(0.02, s.lrD());
        assertEquals(0.01, s.lrG());
        assertEquals(List.of(1.0, 3.0), s.lrScales());
        assertEquals(0.03, s.base(0, 3).lrG(), 1e-15);
        assertFalse(s.spectralNorm());
        assertEquals(0.5, s.gamma());
        assertEquals(7, s.seed());
        Dd4.Settings d = Dd4Reproduction.settings("legacy", false, null, null, null, "0.03", null, null, null, null, 0);
        assertEquals(0.03, d.lrD());
        assertEquals(0.03, d.lrG());
        assertEquals(Dd4.Settings.legacy().steps(), d.steps());
        assertThrows(IllegalArgumentException.class, () -> Dd4Scheme.parseList("sim,sim"));
        assertThrows(IllegalArgumentException.class, () -> Dd4Reproduction.settings("nope", false, null, null, null, null,
                null, null, null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> Dd4Reproduction.settings(null, false, null, null, null, null,
                "1,-2", null, null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> Dd4Reproduction.settings(null, false, null, null, "rk4", null,
                null, null, null, null, 0), "rk4 needs lr_D = lr_G, the faithful rates differ");
        GanConfig adam = Dd4Scheme.parse("adam").apply(d.base(0), 0.1);
        assertEquals(1e-3, adam.lrD());
        assertEquals(1e-3, adam.lrG());
        assertTrue(adam.optimizerD() instanceof Adam && adam.optimizerG() instanceof Adam,
                "the adam reference trains both players with Adam");
        assertEquals(d.base(0).regularizers(), adam.regularizers(), "and no drift regularizer");
    }

    @Test
    void theFaithfulSettingIsMethodsRowDd4() {
        Dd4.Settings f = Dd4Reproduction.settings(null, false, null, null, null, null, null, null, null, null, 3);
        Dd4Setting m = Dd4Setting.faithful();
        assertEquals("faithful", f.name());
        assertEquals(List.of(Dd4Scheme.SIMULTANEOUS, Dd4Scheme.ALTERNATING, Dd4Scheme.CANCEL), f.schemes());
        assertEquals(m.lrScales(), f.lrScales());
        assertEquals(m.steps(), f.steps());
        assertEquals(m.seeds(), f.seeds());
        for (Dd4Scheme s : f.schemes()) {
            for (double scale : f.lrScales()) {
                GanConfig c = s.apply(f.base(3, scale), f.gamma());
                GanConfig b = m.base(3, scale);
                assertEquals(b.withScheme(c.scheme()).withRegularizers(c.regularizers()), c,
                        "the lab's base config is METHODS's, " + s.key() + " x" + scale);
            }
        }
        assertEquals(GanConfig.REFERENCE_RATE_RATIO, f.base(0, 4).lrD() / f.base(0, 4).lrG(), 1e-12);
        Dd4.Settings q = Dd4.Settings.faithful().quick();
        assertTrue(q.steps() <= 50 && q.seeds() == 2 && q.lrScales().size() == 1 && q.spectralNorm());
    }

    @Test
    void theW2ClaimIsPairedAndResolvedByThePerfectGeneratorsSpread() {
        Dd4.SchemeResult sim = scheme(Dd4Scheme.SIMULTANEOUS, fake(2, 2, false, 0.80, 0.30), fake(2, 2, false, 0.70, 0.34),
                fake(2, 2, false, 0.90, 0.32));
        Dd4.SchemeResult cancel = scheme(Dd4Scheme.CANCEL, fake(2, 2, false, 0.60, 0.30), fake(2, 2, false, 0.52, 0.34),
                fake(2, 2, false, 0.69, 0.32));
        ClaimResult w2 = Dd4Claims.check(List.of(sim, cancel)).getFirst();
        assertEquals("DD-4 cancel: W2", w2.claim().id());
        assertArrayEquals(new double[] {-0.20, -0.18, -0.21}, w2.values(), 1e-12);
        assertEquals(0.02, w2.claim().resolution(), 1e-12, "sd of the floors 0.30, 0.34, 0.32");
        assertEquals(Verdict.SUPPORTED, w2.verdict());
        Dd4.SchemeResult close = scheme(Dd4Scheme.CANCEL, fake(2, 2, false, 0.79, 0.30), fake(2, 2, false, 0.69, 0.34),
                fake(2, 2, false, 0.89, 0.32));
        assertEquals(Verdict.INCONCLUSIVE, Dd4Claims.check(List.of(sim, close)).getFirst().verdict(),
                "0.01 better on every seed, below the 0.02 resolution");
        assertEquals(List.of(cancel, sim), Dd4Claims.ranking(List.of(sim, cancel)), "ranked by W2");
    }

    @Test
    void claimsFollowTheObservedNumbers() {
        Dd4.SchemeResult sim = scheme(Dd4Scheme.SIMULTANEOUS, fake(2, 2.0, false), fake(2, 2.5, false), fake(2, 2.0, false));
        List<Dd4.SchemeResult> rs = new ArrayList<>(List.of(sim,
                scheme(Dd4Scheme.ALTERNATING, fake(1, 1.0, false), fake(1, 1.0, true), fake(1, 1.0, false)),
                scheme(Dd4Scheme.CANCEL, fake(3, 1.0, false), fake(3, 1.0, false), fake(3, 1.0, false))));
        assertEquals(2, rs.get(0).covered().mean(), 1e-12);
        assertEquals(6.5 / 3 / Math.sqrt(2), rs.get(0).gradSpread().mean(), 1e-12, "the first half does not count");
        assertEquals(1, rs.get(1).diverged());
        assertEquals(1 / Math.sqrt(2), rs.get(1).gradSpread().mean(), 1e-12, "diverged runs leave the statistics");
        assertEquals((2e2 + Math.pow(10, 2.5)) / 3, rs.get(0).gradNormD().mean(), 1e-9,
                "final norm: the last 10 % of the logs, over seeds");
        List<ClaimResult> cs = Dd4Claims.check(rs);
        assertEquals(List.of("DD-4 cancel: W2", "DD-4 cancel: modes hit", "DD-4 cancel: quality", "DD-4 cancel: stability",
                "DD-4 alternating: stability"), cs.stream().map(c -> c.claim().id()).toList());
        assertArrayEquals(new double[] {0, 0, 0}, cs.get(0).values(), "the same W2 on every seed");
        assertEquals(Verdict.INCONCLUSIVE, cs.get(0).verdict());
        assertArrayEquals(new double[] {1, 1, 1}, cs.get(1).values(), "3 − 2 modes hit on each seed");
        assertEquals(Verdict.SUPPORTED, cs.get(1).verdict());
        assertEquals(Verdict.SUPPORTED, cs.get(3).verdict(), "fluctuation 0.71 against 1.41, 1.77, 1.41 on the same seeds");
        assertEquals(Dd4Claims.DIVERGED_SPREAD - 2.5 / Math.sqrt(2), cs.get(4).values()[1], 1e-12,
                "a diverged run scores the largest fluctuation");
        assertNotEquals(Verdict.SUPPORTED, cs.get(4).verdict(), "alternating diverged once, simultaneous never");
        rs.set(2, scheme(Dd4Scheme.CANCEL, fake(1, 5.0, false), fake(1, 5.0, false), fake(1, 5.0, false)));
        cs = Dd4Claims.check(rs);
        assertEquals(Verdict.CONTRADICTED, cs.get(1).verdict(), "1 < 2 modes hit on every seed");
        assertEquals(Verdict.CONTRADICTED, cs.get(3).verdict(), "fluctuation 3.5 > 1.4-1.8");
    }

    @Test
    void theMnistGanSkipsCleanlyWithoutTheData(@TempDir Path empty) {
        List<String> log = new ArrayList<>();
        MnistGan.Result r = MnistGan.run(MnistGan.Settings.defaults(5, 0), empty, log::add);
        assertFalse(r.ran());
        assertNull(r.grid());
        assertTrue(r.skipReason().contains("./occam data fetch mnist"), r.skipReason());
        assertTrue(log.getFirst().contains("skipped"), log.toString());
    }

    @Test
    void theMnistGanTrainsAndDrawsAGridWhenTheDataIsCached() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.occam.data.DataCache.isInstalled(
                org.occam.data.DataCache.defaultRoot(), org.occam.data.CachedDataset.MNIST), "MNIST is not in the data cache");
        MnistGan.Result r = MnistGan.run(new MnistGan.Settings(3, 16, 0.01, 8, 16, 10,
                org.occam.games.gan.GeneratorLoss.NON_SATURATING, 0), s -> { });
        assertTrue(r.ran());
        assertFalse(r.run().diverged());
        assertEquals(4 * (56 + SampleGrid.PAD) + SampleGrid.PAD, r.grid().width(), "10 samples in 4 columns, 28x28 at scale 2");
        assertEquals(3 * (56 + SampleGrid.PAD) + SampleGrid.PAD, r.grid().height());
    }
}
