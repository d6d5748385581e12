package org.occam.games.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.games.DriftRegularizers;
import org.occam.games.UpdateScheme;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** The METHODS §11 DD-4 setting as numbers, and the mixture score it reports. */
class Dd4SettingTest {

    @Test
    void faithfulIsMethodsRowDd4() {
        Dd4Setting s = Dd4Setting.faithful();
        assertEquals(Mixture2d.ring(8, 2, 0.02), s.target());
        assertTrue(s.steps() >= 20_000 && s.seeds() >= 10 && s.batch() >= 128 && s.batch() <= 256);
        assertEquals(List.of("sim", "alt", "cancel"), s.schemes());
        assertTrue(s.lrScales().size() >= 3, "a small learning-rate sweep");
        GanConfig sim = s.base(4, 1);
        assertTrue(sim.spectralNorm());
        assertEquals(0.01, sim.lrD(), 0);
        assertEquals(0.005, sim.lrG(), 0);
        assertEquals(GanConfig.PLAIN_SGD, sim.optimizerD());
        assertEquals(GeneratorLoss.SATURATING, s.gan().generatorLoss());
        assertEquals(UpdateScheme.simultaneous(), sim.scheme());
        assertEquals(DriftRegularizers.none(), sim.regularizers());
        assertEquals(Estimator.UNBIASED, sim.estimator());
        GanConfig doubled = s.base(4, 2);
        assertEquals(2 * doubled.lrG(), doubled.lrD(), 0, "the sweep keeps η_D = 2η_G");
        assertEquals(0.02, doubled.lrD(), 0);
        assertThrows(IllegalArgumentException.class, () -> s.reduced(10, 1, List.of(), List.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> s.reduced(10, 1, List.of("sim"), List.of(0.0)));
    }

    @Test
    void scoresOfTheTargetAndOfACollapse() {
        Mixture2d ring = Mixture2d.ring();
        MixtureScore real = MixtureScore.of(ring, ring.sample(800, Rng.seed(1), DType.FLOAT32), 400, Rng.seed(2));
        assertEquals(400, real.w2Samples());
        assertEquals(8, real.coverage().covered());
        assertTrue(real.w2() < 2 * real.w2Floor() + 0.05, real.toString());
        double[] one = new double[2 * 800];
        for (int i = 0; i < 800; i++) {
            one[2 * i] = 2;
        }
        MixtureScore collapsed = MixtureScore.of(ring, Tensor.of(DType.FLOAT32, one, 800, 2), 400, Rng.seed(2));
        assertEquals(1, collapsed.coverage().covered());
        assertEquals(Math.sqrt(8), collapsed.w2(), 0.02);
        assertTrue(collapsed.modeKl() > 10 * real.modeKl() && collapsed.reverseModeKl() > 10 * real.reverseModeKl());
    }
}
