package org.occam.games.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.games.Game;
import org.occam.games.GameBatch;
import org.occam.games.GameState;
import org.occam.games.Player;
import org.occam.games.PlayerGradients;
import org.occam.measure.FiniteDifferences;
import org.occam.nn.Activation;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Spectral normalisation (Miyato et al. 2018, as the reference DD code applies it): the σ
 * estimate against the exact top singular value, and first and second derivatives of the
 * normalised discriminator against central finite differences in float64 with the power
 * iteration's u, v held fixed.
 */
class SpectralNormTest {
    /** tanh, so that second derivatives are not zero almost everywhere. */
    private static final Gan SN = GanNets.toy2d(3, 5, Activation.TANH, GeneratorLoss.SATURATING).withSpectralNorm(true);
    private static final double EPS = 1e-6;

    private static double topSingularValue(Tensor w) {
        int rows = w.size(0);
        int cols = w.numel() / rows;
        DMatrixRMaj m = new DMatrixRMaj(rows, cols, true, w.toDoubleArray());
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
        assertTrue(svd.decompose(m), "SVD failed");
        return Arrays.stream(svd.getSingularValues()).max().orElseThrow();
    }

    @Test
    void powerIterationConvergesToTheTopSingularValueOfMatricesAndConvKernels() {
        Rng rng = Rng.seed(3);
        Tensor dense = rng.normal(DType.FLOAT64, 0, 1, 7, 5);
        Tensor conv = rng.normal(DType.FLOAT64, 0, 1, 4, 2, 3, 3);
        Tensor bias = rng.normal(DType.FLOAT64, 0, 1, 7);
        Params p = SpectralNorm.init(Params.of("0.weight", dense, "0.bias", bias, "1.weight", conv), rng.split(9));
        assertEquals(Arrays.asList("0.weight", "0.weight_u", "0.bias", "1.weight", "1.weight_u"), p.names());
        for (String w : new String[] {"0.weight", "1.weight"}) {
            double exact = topSingularValue(p.get(w));
            double first = SpectralNorm.sigma(p.get(w), p.get(w + SpectralNorm.SUFFIX));
            assertTrue(first > 0 && first <= exact * (1 + 1e-12), w + ": uᵀWv with unit u, v is a lower bound, got " + first
                    + " vs " + exact);
            assertTrue(first < exact * (1 - 1e-3), w + ": one step from a random u is not yet converged");
        }
        for (int k = 0; k < 300; k++) {
            p = SpectralNorm.advance(p);
        }
        Params normalised = SpectralNorm.apply(p);
        assertEquals(Arrays.asList("0.weight", "0.bias", "1.weight"), normalised.names(), "stored vectors dropped");
        assertArrayEquals(bias.toDoubleArray(), normalised.get("0.bias").toDoubleArray(), 0, "biases are left alone");
        for (String w : new String[] {"0.weight", "1.weight"}) {
            double exact = topSingularValue(p.get(w));
            assertEquals(exact, SpectralNorm.sigma(p.get(w), p.get(w + SpectralNorm.SUFFIX)), 1e-10 * exact, w);
            assertEquals(1, topSingularValue(normalised.get(w)), 1e-10, w + "/σ has spectral norm 1");
        }
    }

    /** L_φ of the discriminator with the power iteration's step taken at {@code at} (u, v held fixed), and L_θ. */
    private static Game fixedStepGame(Params at, Tensor x, Tensor z) {
        Function<Params, Params> w = phi -> SpectralNorm.apply(phi, at);
        return new Game((phi, theta) -> GanLosses.discriminator(SN.discriminator().apply(w.apply(phi), x),
                SN.discriminator().apply(w.apply(phi), SN.generator().apply(theta, z))),
                (phi, theta) -> SN.generatorLoss().of(SN.discriminator().apply(w.apply(phi), SN.generator().apply(theta, z))));
    }

    private record Fixture(GameState s, Game game, Game fixed) {
    }

    private static Fixture fixture() {
        Rng rng = Rng.seed(7);
        GameState s = SN.init(rng.split(0), DType.FLOAT64);
        Tensor x = Mixture2d.ring().sample(6, rng.split(1), DType.FLOAT64);
        Tensor z = SN.latents(6, rng.split(2), DType.FLOAT64);
        return new Fixture(s, SN.game(x, z), fixedStepGame(s.phi(), x, z));
    }

    private static double[] flat(Params p) {
        return p.flatten().toDoubleArray();
    }

    private static double maxAbs(double[] a) {
        return Arrays.stream(a).map(Math::abs).max().orElseThrow();
    }

    @Test
    void discriminatorGradientMatchesFiniteDifferencesWithUHeldFixed() {
        Fixture f = fixture();
        Function<Params, Tensor> loss = phi -> f.game().loss(Player.PHI, f.s().with(Player.PHI, phi));
        Function<Params, Tensor> fixed = phi -> f.fixed().loss(Player.PHI, f.s().with(Player.PHI, phi));
        assertEquals(fixed.apply(f.s().phi()).item(), loss.apply(f.s().phi()).item(), 0, "same value at the point");
        double[] g = flat(Autodiff.grad(loss).apply(f.s().phi()));
        assertArrayEquals(flat(Autodiff.grad(fixed).apply(f.s().phi())), g, 1e-15,
                "u, v are constants of the forward pass: the derivative is the fixed-step one");
        double[] fd = FiniteDifferences.gradient(fixed, f.s().phi(), EPS);
        assertArrayEquals(fd, g, 1e-8 * Math.max(1, maxAbs(fd)));
        Params grad = Autodiff.grad(loss).apply(f.s().phi());
        for (String name : grad.names()) {
            if (name.endsWith(SpectralNorm.SUFFIX)) {
                assertEquals(0, maxAbs(grad.get(name).toDoubleArray()), 0, "no gradient flows to " + name);
            }
        }
        double[] fdMoving = FiniteDifferences.gradient(loss, f.s().phi(), EPS);
        double gap = 0;
        for (int i = 0; i < g.length; i++) {
            gap = Math.max(gap, Math.abs(fdMoving[i] - g[i]));
        }
        assertTrue(gap > 1e-4, "letting u, v move with W changes the derivative (so holding them fixed is what is tested): "
                + gap);
    }

    @Test
    void hessianVectorProductMatchesFiniteDifferencesOfTheGradient() {
        Fixture f = fixture();
        Function<Params, Tensor> loss = phi -> f.game().loss(Player.PHI, f.s().with(Player.PHI, phi));
        Function<Params, Tensor> fixed = phi -> f.fixed().loss(Player.PHI, f.s().with(Player.PHI, phi));
        Params phi = f.s().phi();
        Params v = phi.unflatten(Rng.seed(5).normal(DType.FLOAT64, 0, 1, phi.numel()));
        double[] hv = flat(Autodiff.hvp(loss, phi, v));
        Function<Params, Params> grad = Autodiff.grad(fixed);
        double[] plus = flat(grad.apply(phi.addScaled(v, EPS)));
        double[] minus = flat(grad.apply(phi.addScaled(v, -EPS)));
        double[] fd = new double[hv.length];
        for (int i = 0; i < fd.length; i++) {
            fd[i] = (plus[i] - minus[i]) / (2 * EPS);
        }
        assertTrue(maxAbs(hv) > 1e-3, "a non-trivial curvature");
        assertArrayEquals(fd, hv, 1e-7 * Math.max(1, maxAbs(fd)));
    }

    /** The drift regularisers' terms (METHODS §3.3) differentiate through the normalised D, in both players. */
    @Test
    void driftRegulariserGradientsMatchFiniteDifferences() {
        Fixture f = fixture();
        GameBatch batch = GameBatch.biased(f.game());
        GameBatch fixedBatch = GameBatch.biased(f.fixed());
        for (PlayerGradients.Term t : PlayerGradients.Term.values()) {
            for (Player p : Player.values()) {
                Function<Params, Tensor> term = PlayerGradients.term(t, p, batch, f.s());
                Function<Params, Tensor> fixedTerm = PlayerGradients.term(t, p, fixedBatch, f.s());
                double[] exact = flat(Autodiff.grad(term).apply(f.s().get(p)));
                assertArrayEquals(flat(Autodiff.grad(fixedTerm).apply(f.s().get(p))), exact, 1e-14, t + " for " + p);
                double[] fd = FiniteDifferences.gradient(fixedTerm, f.s().get(p), EPS);
                assertTrue(maxAbs(exact) > 1e-6, t + " for " + p + " is not trivially zero");
                assertArrayEquals(fd, exact, 1e-7 * Math.max(1, maxAbs(fd)), t + " for " + p);
            }
        }
    }

    @Test
    void initKeepsTheWeightsAndAddsUnitVectors() {
        Gan plain = SN.withSpectralNorm(false);
        GameState a = plain.init(Rng.seed(4), DType.FLOAT32);
        GameState b = SN.init(Rng.seed(4), DType.FLOAT32);
        assertArrayEquals(a.phi().flatten().toFloatArray(), SpectralNorm.weights(b.phi()).flatten().toFloatArray(), 0f,
                "the same weights with or without spectral norm");
        assertArrayEquals(a.theta().flatten().toFloatArray(), b.theta().flatten().toFloatArray(), 0f);
        for (String name : b.phi().names()) {
            if (name.endsWith(SpectralNorm.SUFFIX)) {
                Tensor u = b.phi().get(name);
                assertEquals(DType.FLOAT32, u.dtype());
                assertEquals(b.phi().get(name.substring(0, name.length() - 2)).size(0), u.numel());
                assertEquals(1, Math.sqrt(u.dot(u).item()), 1e-6, name + " is a unit vector");
            }
        }
        assertEquals(3, b.phi().names().stream().filter(n -> n.endsWith(SpectralNorm.SUFFIX)).count(), "one per Linear");
        assertThrows(IllegalArgumentException.class, () -> SpectralNorm.init(b.phi(), Rng.seed(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpectralNorm.apply(SpectralNorm.weights(b.phi())));
        assertTrue(e.getMessage().contains("0.weight_u"), e.getMessage());
    }
}
