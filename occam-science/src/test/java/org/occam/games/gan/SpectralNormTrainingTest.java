package org.occam.games.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.games.DriftRegularizers;
import org.occam.games.Game;
import org.occam.games.GameIterate;
import org.occam.games.GameState;
import org.occam.games.Player;
import org.occam.games.UpdateScheme;
import org.occam.io.Safetensors;
import org.occam.nn.Activation;
import org.occam.optim.OptState;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.kernel.Parallel;

/**
 * Training a spectrally normalised GAN: the stored vectors advance once per discriminator update
 * (never in the generator's), the weights take plain SGD steps on the normalised game, and the
 * vectors travel with the player's parameters, so a run resumed from saved parameters ends with
 * the same bits.
 */
class SpectralNormTrainingTest {
    private static final Gan GAN = GanNets.toy2d(4, 8, Activation.RELU, GeneratorLoss.SATURATING);
    private static final Mixture2d RING = Mixture2d.ring();

    private static GanConfig config(UpdateScheme scheme) {
        return GanConfig.sgd(0.01, 0.005, 16, 6, 13).withSteps(6, 2).withDtype(DType.FLOAT64).withScheme(scheme)
                .withSpectralNorm(true);
    }

    private static Params vectors(Params phi) {
        Params out = Params.of();
        for (String n : phi.names()) {
            if (n.endsWith(SpectralNorm.SUFFIX)) {
                out = out.with(n, phi.get(n));
            }
        }
        return out;
    }

    private static double[] flat(Params p) {
        return p.flatten().toDoubleArray();
    }

    @Test
    void aSimultaneousRoundIsSgdOnTheNormalisedGameAndAdvancesTheVectorsOnce() {
        GanConfig c = config(UpdateScheme.simultaneous());
        GanSession session = new GanSession(GAN, RING, c);
        assertTrue(session.gan().spectralNorm(), "the config switches it on");
        GameIterate it = session.start();
        GameState s0 = it.state();
        assertTrue(SpectralNorm.present(s0.phi()));
        Game g = session.draws(0).get().loss();
        GanSession.Round r = session.round(it, 0, session.draws(0), false);
        GameState s1 = r.next().state();
        Params expectedW = SpectralNorm.weights(s0.phi()).addScaled(SpectralNorm.weights(g.ownGrad(Player.PHI, s0)), -0.01);
        assertArrayEquals(flat(expectedW), flat(SpectralNorm.weights(s1.phi())), 1e-15);
        assertArrayEquals(flat(s0.theta().addScaled(g.ownGrad(Player.THETA, s0), -0.005)), flat(s1.theta()), 1e-15);
        assertArrayEquals(flat(vectors(SpectralNorm.advance(s0.phi()))), flat(vectors(s1.phi())), 0,
                "u after the round = one power-iteration step at the weights before it");
    }

    @Test
    void alternatingGeneratorStepsDoNotAdvanceTheDiscriminatorsVectors() {
        for (int nPhi : new int[] {1, 2}) {
            GanConfig c = config(UpdateScheme.alternating(nPhi, 1));
            GanSession session = new GanSession(GAN, RING, c);
            GameIterate it = session.start();
            GameIterate next = session.round(it, 0, session.draws(0), false).next();
            // replay the discriminator's sub-steps alone: each advances u once at the weights before it
            GameIterate d = it;
            var draws = session.draws(0);
            for (int k = 0; k < nPhi; k++) {
                Game g = draws.get().loss();
                Params grad = g.ownGrad(Player.PHI, d.state());
                var u = new SpectralNormOptimizer(GanConfig.PLAIN_SGD).update(d.state().phi(), grad, d.phi(), 0.01);
                d = d.with(Player.PHI, u.params(), u.state());
            }
            assertArrayEquals(flat(d.state().phi()), flat(next.state().phi()), 0, "n_phi = " + nPhi);
            assertFalse(java.util.Arrays.equals(flat(vectors(SpectralNorm.advance(next.state().phi()))),
                    flat(vectors(next.state().phi()))), "an extra step would have changed u");
        }
    }

    @Test
    void rk4AdvancesTheVectorsOncePerRound() {
        GanConfig c = GanConfig.sgd(0.01, 0.01, 16, 2, 3).withDtype(DType.FLOAT64).withRk4(true).withSpectralNorm(true);
        GanSession session = new GanSession(GAN, RING, c);
        GameIterate it = session.start();
        GameState next = session.round(it, 0, session.draws(0), false).next().state();
        assertArrayEquals(flat(vectors(SpectralNorm.advance(it.state().phi()))), flat(vectors(next.phi())), 0);
    }

    /** The stored vectors are part of φ: saving the iterate's parameters and loading them resumes to the same bits. */
    @Test
    void aRunResumedFromSavedParametersEndsWithTheSameBits(@TempDir Path dir) throws IOException {
        for (UpdateScheme scheme : new UpdateScheme[] {UpdateScheme.simultaneous(), UpdateScheme.alternating()}) {
            GanConfig c = config(scheme).withRegularizers(DriftRegularizers.cancelInteraction()).withDtype(DType.FLOAT32);
            GanSession session = new GanSession(GAN, RING, c);
            GameIterate straight = run(session, session.start(), 0, 6);
            GameIterate half = run(session, session.start(), 0, 3);
            Path file = dir.resolve(scheme.describe() + ".safetensors");
            Safetensors.write(file, Params.of("phi", half.state().phi().flatten(), "theta", half.state().theta().flatten()));
            Params saved = Safetensors.read(file);
            GameState like = session.start().state();
            GameState loaded = new GameState(like.phi().unflatten(saved.get("phi")), like.theta().unflatten(saved.get("theta")));
            GameIterate resumed = run(session, new GameIterate(loaded, OptState.empty(), OptState.empty()), 3, 6);
            assertArrayEquals(straight.state().flatten().toFloatArray(), resumed.state().flatten().toFloatArray(), 0f,
                    scheme.describe());
            GameState stale = loaded.with(Player.PHI, like.phi().unflatten(saved.get("phi"))
                    .with("0.weight_u", like.phi().get("0.weight_u")));
            GameIterate wrong = run(session, new GameIterate(stale, OptState.empty(), OptState.empty()), 3, 6);
            assertFalse(java.util.Arrays.equals(straight.state().flatten().toFloatArray(),
                    wrong.state().flatten().toFloatArray()), "the stored vectors are state: losing one changes the run");
        }
    }

    @Test
    void sameBitsForOneAndTwoKernelThreads() {
        GanConfig c = config(UpdateScheme.simultaneous()).withRegularizers(DriftRegularizers.cancelInteraction())
                .withDtype(DType.FLOAT32);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            GanRun one = GanTraining.train(GAN, RING, c);
            Parallel.setThreads(2);
            GanRun two = GanTraining.train(GAN, RING, c);
            assertArrayEquals(one.finalState().flatten().toFloatArray(), two.finalState().flatten().toFloatArray(), 0f);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void configDefaultsAreUnchangedAndTheReferenceRatesAreTwoToOne() {
        assertFalse(GanConfig.sgd(0.1, 0.1, 16, 10, 0).spectralNorm(), "off by default");
        GanConfig c = GanConfig.sgd(0.1, 0.1, 16, 10, 0).withReferenceRates(0.005);
        assertEquals(0.01, c.lrD(), 0);
        assertEquals(0.005, c.lrG(), 0);
        assertTrue(c.withSpectralNorm(true).withSeed(3).withSteps(5, 1).withScheme(UpdateScheme.alternating()).spectralNorm(),
                "the with-methods keep it");
        assertThrows(IllegalArgumentException.class, () -> c.withReferenceRates(0));
        assertThrows(IllegalArgumentException.class, () -> c.withOptimizers(new SpectralNormOptimizer(GanConfig.PLAIN_SGD),
                GanConfig.PLAIN_SGD));
        assertFalse(new GanSession(GAN.withSpectralNorm(true), RING, c).gan().spectralNorm(), "the config decides");
    }

    private static GameIterate run(GanSession session, GameIterate it, long from, long to) {
        for (long t = from; t < to; t++) {
            it = session.round(it, t, session.draws(t), false).next();
        }
        return it;
    }
}
