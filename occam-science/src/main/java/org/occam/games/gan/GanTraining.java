package org.occam.games.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.occam.autodiff.Params;
import org.occam.games.Game;
import org.occam.games.GameBatch;
import org.occam.games.GameIterate;
import org.occam.games.GameState;
import org.occam.games.GameStep;
import org.occam.games.OdeGanStep;
import org.occam.games.Player;
import org.occam.tensor.Tensor;

/**
 * Trains a {@link Gan} with the two-player machinery of METHODS §3 ({@link GameStep}: an optimiser
 * per player, plain SGD by default, simultaneous or alternating, explicit drift regularisers; or {@link OdeGanStep}'s
 * RK4), drawing a fresh minibatch of real rows and latents for every (sub)step. Each round is
 * {@link GanSession#round} (the one GAN loop, also behind the checkpointed runs of
 * {@code ./occam train}) with the session's per-round minibatch streams, so the same config and
 * seed give the same run here and there. A round that leaves a non-finite parameter
 * ends the run as diverged (it is recorded, not thrown).
 */
public final class GanTraining {
    private GanTraining() {
    }

    /**
     * Trains and returns the run.
     *
     * @param gan the GAN
     * @param data the real data
     * @param c the config
     * @return the run
     */
    public static GanRun train(Gan gan, DataSampler data, GanConfig c) {
        return train(gan, data, c, l -> { });
    }

    /**
     * Trains, passing each log row to {@code onLog} as it is measured.
     *
     * @param gan the GAN
     * @param data the real data
     * @param c the config
     * @param onLog receives each log row
     * @return the run
     */
    public static GanRun train(Gan gan, DataSampler data, GanConfig c, Consumer<GanLog> onLog) {
        return train(gan, data, c, onLog, (step, state) -> { });
    }

    /**
     * Trains, passing each log row to {@code onLog} and, at the same rounds, the state it was
     * measured at to {@code onState} (e.g. to score the generator along training).
     *
     * @param gan the GAN
     * @param data the real data
     * @param c the config
     * @param onLog receives each log row
     * @param onState receives the round and its state
     * @return the run
     */
    public static GanRun train(Gan gan, DataSampler data, GanConfig c, Consumer<GanLog> onLog,
                               BiConsumer<Long, GameState> onState) {
        Objects.requireNonNull(c, "config");
        long t0 = System.nanoTime();
        GanSession session = new GanSession(gan, data, c);
        GameIterate it = session.start();
        List<GanLog> logs = new ArrayList<>();
        long diverged = -1;
        for (int t = 0; t < c.steps(); t++) {
            boolean logged = t % c.logEvery() == 0;
            GanSession.Round r = session.round(it, t, session.draws(t), logged);
            if (logged) {
                log(logs, onLog, r.log());
                onState.accept((long) t, it.state());
            }
            it = r.next();
            if (!r.finite()) {
                diverged = t + 1;
                break;
            }
        }
        long last = diverged >= 0 ? diverged : c.steps();
        if (logs.isEmpty() || logs.getLast().step() != last) {
            log(logs, onLog, measure(session.draws(last).get().loss(), it.state(), last));
            onState.accept(last, it.state());
        }
        return new GanRun(c, it.state(), logs, diverged, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The game(s) of one minibatch for the estimator: biased on the whole batch, unbiased on its two halves.
     *
     * @param gan the GAN
     * @param real the real rows
     * @param latents the latent draws [m, latentDim]
     * @param e the estimator
     * @return the games
     */
    public static GameBatch batch(Gan gan, Tensor real, Tensor latents, Estimator e) {
        if (e == Estimator.BIASED) {
            return GameBatch.biased(gan.game(real, latents));
        }
        int n = real.size(0);
        int m = latents.size(0);
        if (n % 2 != 0 || m % 2 != 0) {
            throw new IllegalArgumentException("the unbiased estimator splits the batch in halves: real rows " + n
                    + " and latents " + m + " must be even");
        }
        Game h1 = gan.game(real.slice(0, 0, n / 2), latents.slice(0, 0, m / 2));
        Game h2 = gan.game(real.slice(0, n / 2, n), latents.slice(0, m / 2, m));
        return GameBatch.unbiased(h1, h2);
    }

    /**
     * Losses and plain-gradient norms of both players on one game at s.
     *
     * @param g the game
     * @param s (φ, θ)
     * @param step the round
     * @return the log row
     */
    public static GanLog measure(Game g, GameState s, long step) {
        GameState d = s.detach();
        double lossD = g.loss(Player.PHI, d).item();
        double lossG = g.loss(Player.THETA, d).item();
        double gd = norm(g.ownGrad(Player.PHI, d));
        double gg = norm(g.ownGrad(Player.THETA, d));
        return new GanLog(step, lossD, lossG, gd, gg);
    }

    private static void log(List<GanLog> logs, Consumer<GanLog> onLog, GanLog l) {
        logs.add(l);
        onLog.accept(l);
    }

    private static double norm(Params p) {
        return Math.sqrt(p.normSquared().item());
    }
}
