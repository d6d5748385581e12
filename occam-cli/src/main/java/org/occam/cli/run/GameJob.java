package org.occam.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.occam.autodiff.Params;
import org.occam.cli.config.GameConfig;
import org.occam.cli.config.RunConfig;
import org.occam.games.GameIterate;
import org.occam.games.gan.GanLog;
import org.occam.games.gan.GanSession;
import org.occam.io.Safetensors;
import org.occam.tensor.Tensor;
import org.occam.train.CheckpointStore;
import org.occam.train.MetricsSink;
import org.occam.train.RunStatus;

/**
 * A two-player game run (METHODS §3, §11 DD-4) as the {@link Runner} drives it: the round loop over
 * {@link GanSession}, with the same run-folder contract as a single-model experiment. Round t
 * writes, every {@code log_every} rounds, a row with the losses and plain-gradient norms at the
 * iterate before the round on its first minibatch ({@code loss.d}, {@code loss.g},
 * {@code grad_norm.d}, {@code grad_norm.g}), and every {@code eval_every} rounds the scores of
 * generated samples ({@code modes_covered}, {@code modes_hit}, {@code high_quality_fraction} on
 * 2-D data) and {@value #SAMPLES} (the samples, for the report). Both players' parameters and
 * optimiser states are checkpointed together ({@link GameCheckpoints}). The last row, at step =
 * rounds with {@code "final": true}, measures the final iterate. Because every round's draws depend
 * only on (seed, round), a resumed run ends with the same bits as an uninterrupted one.
 *
 * <p>Divergence ends the run as diverged, never as an error: a non-finite loss or gradient norm at
 * round t (row t marked {@code "status": "diverged"}), or a non-finite parameter norm after round t (a row
 * at step t + 1 marked so).
 *
 * @param ex the built experiment
 */
record GameJob(GameExperiment ex) implements Runner.Job {

    /** The samples of the latest evaluation: tensor "samples" [n, d], metadata "step". */
    static final String SAMPLES = "samples.safetensors";

    /** Builds the game (config and data problems surface here). */
    static GameJob build(GameConfig c) {
        return new GameJob(GameExperiment.build(c));
    }

    @Override
    public RunConfig config() {
        return ex.config();
    }

    @Override
    public long totalSteps() {
        return ex.config().train().steps();
    }

    @Override
    public List<String> describe() {
        return ex.describe();
    }

    @Override
    public long resumeStep(RunDir rd, PrintStream err) {
        return GameCheckpoints.latest(new CheckpointStore(rd.checkpoints(), CheckpointStore.DEFAULT_KEEP, Runner.notes(err)),
                ex.session().start().state())
                .map(GameCheckpoints.Saved::round).orElse(0L);
    }

    /** The progress line shows the discriminator's loss. */
    @Override
    public Map<String, Object> progressRow(Map<String, Object> row) {
        Map<String, Object> p = new LinkedHashMap<>(row);
        p.put("loss", row.get("loss.d"));
        return p;
    }

    @Override
    public List<String> summaryKeys() {
        return List.of("modes_covered", "high_quality_fraction", "grad_norm.d", "grad_norm.g");
    }

    @Override
    public Runner.Ended train(RunDir rd, MetricsSink sink) {
        GanSession session = ex.session();
        CheckpointStore store = new CheckpointStore(rd.checkpoints());
        GameIterate it = session.start();
        long start = 0;
        Optional<GameCheckpoints.Saved> saved = GameCheckpoints.latest(store, it.state());
        if (saved.isPresent()) {
            it = saved.get().iterate();
            start = saved.get().round();
        }
        long rounds = totalSteps();
        int logEvery = ex.config().train().logEvery();
        int evalEvery = ex.config().train().evalEvery();
        int ckptEvery = ex.config().train().checkpointEvery();
        for (long t = start; t < rounds; t++) {
            boolean eval = evalEvery > 0 && t % evalEvery == 0;
            GanSession.Round r = session.round(it, t, session.draws(t), t % logEvery == 0 || eval);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", t);
            String bad = null;
            if (r.log() != null) {
                put(row, r.log());
                bad = nonFinite(r.log());
            }
            if (eval && bad == null) {
                row.putAll(evaluate(rd, it, t));
            }
            if (bad != null) {
                row.put("status", "diverged");
                sink.accept(row);
                return new Runner.Ended(RunStatus.diverged(t, bad), row);
            }
            if (r.log() != null) {
                sink.accept(row);
            }
            if (!r.finite()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("step", t + 1);
                d.put("status", "diverged");
                sink.accept(d);
                return new Runner.Ended(RunStatus.diverged(t + 1, "non-finite parameter norm after round " + t), d);
            }
            it = r.next();
            boolean last = t == rounds - 1;
            if (last || (ckptEvery > 0 && (t + 1) % ckptEvery == 0)) {
                GameCheckpoints.save(store, t + 1, it);
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", rounds);
        row.put("final", true);
        put(row, session.measure(it.state(), rounds));
        row.putAll(evaluate(rd, it, rounds));
        sink.accept(row);
        return new Runner.Ended(RunStatus.completed(rounds), row);
    }

    /** Scores fresh samples of the generator at {@code it} and saves them to {@value #SAMPLES}. */
    private Map<String, Object> evaluate(RunDir rd, GameIterate it, long step) {
        Tensor x = ex.evalSamples(it.state());
        Path file = rd.root().resolve(SAMPLES);
        try {
            Safetensors.write(file, Params.of("samples", x), Map.of("step", Long.toString(step)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return ex.scores(x);
    }

    private static void put(Map<String, Object> row, GanLog l) {
        row.put("loss.d", l.lossD());
        row.put("loss.g", l.lossG());
        row.put("grad_norm.d", l.gradNormD());
        row.put("grad_norm.g", l.gradNormG());
    }

    private static String nonFinite(GanLog l) {
        Map<String, Object> row = new LinkedHashMap<>();
        put(row, l);
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (!Double.isFinite((Double) e.getValue())) {
                return e.getKey() + " is " + e.getValue();
            }
        }
        return null;
    }
}
