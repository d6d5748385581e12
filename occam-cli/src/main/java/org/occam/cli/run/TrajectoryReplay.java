package org.occam.cli.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.occam.autodiff.Params;
import org.occam.cli.config.ConfigException;
import org.occam.cli.config.Configs;
import org.occam.cli.config.ExperimentConfig;
import org.occam.lab.landscape.LandscapeStudy;
import org.occam.nn.ModelState;
import org.occam.train.CheckpointStore;
import org.occam.train.MetricsSink;
import org.occam.train.Monitor;
import org.occam.train.RunStatus;
import org.occam.train.Trainer;

/**
 * Replays a run from the config saved in its folder to record its trajectory: training is
 * deterministic, so the replayed iterates are the run's own. The replay drops the run's monitors and
 * periodic evaluations (they never change the parameters) and checks its final parameters against
 * the run's final checkpoint.
 *
 * @param experiment the run's experiment, rebuilt from its config
 * @param trajectory the recorded iterates, first = initialization, last = final parameters
 * @param state      the model's buffers at the end (BatchNorm running statistics), for eval-mode losses
 * @param check      how the final parameters compare with the run's final checkpoint
 */
public record TrajectoryReplay(Experiment experiment, LandscapeStudy.Trajectory trajectory, ModelState state, String check) {

    /** Replays the run in {@code runDir}, recording about {@code snapshots} iterates evenly spaced in steps. */
    public static TrajectoryReplay of(Path runDir, int snapshots) {
        if (snapshots < 3) {
            throw new IllegalArgumentException("--snapshots must be at least 3, got " + snapshots);
        }
        RunDir rd = RunDir.existing(runDir);
        ExperimentConfig config;
        try {
            config = Configs.load(rd.config(), List.of());
        } catch (ConfigException e) {
            throw new ConfigException(rd.config() + ": " + e.getMessage() + " (landscapes are drawn for training runs, not games)", e);
        }
        Experiment ex = Experiment.build(config);
        long steps = ex.spec().steps();
        if (steps < 2) {
            throw new IllegalArgumentException(runDir + " trains for " + steps + " steps: a trajectory needs at least 2");
        }
        int every = (int) Math.max(1, steps / (snapshots - 1));
        List<Long> at = new ArrayList<>();
        List<Params> iterates = new ArrayList<>();
        Monitor recorder = Monitor.of(every, ctx -> {
            at.add(ctx.step());
            iterates.add(ctx.params());
            return Map.of();
        });
        Trainer.Result r = Trainer.run(new Trainer.Setup(ex.model(), ex.init(), ex.objective(), ex.train(), ex.test(),
                ex.optimizer(), ex.lr(), ex.spec().withEvalEvery(0), List.of(recorder), MetricsSink.NONE, null));
        if (r.status().state() == RunStatus.State.DIVERGED) {
            throw new IllegalArgumentException(runDir + " diverged at step " + r.status().step()
                    + ": its landscape is not defined past that point");
        }
        long[] stepArray = at.stream().mapToLong(Long::longValue).toArray();
        String check = compare(rd, ex, r, steps);
        return new TrajectoryReplay(ex, new LandscapeStudy.Trajectory(stepArray, iterates), r.state(), check);
    }

    /** "bit-identical", or what differs, between the replayed final parameters and the run's final checkpoint. */
    private static String compare(RunDir rd, Experiment ex, Trainer.Result r, long steps) {
        Optional<CheckpointStore.Saved> saved = new CheckpointStore(rd.checkpoints()).latest(ex.init(), r.state());
        if (saved.isEmpty()) {
            return "not checked: the run has no checkpoint";
        }
        if (saved.get().step() != steps) {
            return "not checked: the run's latest checkpoint is at step " + saved.get().step() + " of " + steps;
        }
        double[] a = saved.get().params().flatten().toDoubleArray();
        double[] b = r.params().flatten().toDoubleArray();
        if (Arrays.equals(a, b)) {
            return "bit-identical to the run's final checkpoint (step " + steps + ")";
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return "DIFFERS from the run's final checkpoint (max |difference| " + max + "): the landscape is of the replay";
    }
}
