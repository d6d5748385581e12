package org.occam.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.ImageLayout;
import org.occam.data.TrainTest;
import org.occam.io.Safetensors;
import org.occam.nn.Mode;
import org.occam.nn.ModelState;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Momentum;
import org.occam.optim.Schedule;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.tensor.kernel.Parallel;

/**
 * A BatchNorm ResNet through the training loop: the buffers follow the train-mode passes, are
 * checkpointed and restored (bit-identical resume), round-trip through safetensors, are never
 * touched by monitors, and a checkpoint without them is refused with one line naming the fix.
 */
class BatchNormTrainingTest {
    private static final Sequential NET = Models.parse("resnet8:1x8x8:10:width=2");
    private static final TrainTest DATA = Datasets.digitsSplit(ImageLayout.NCHW, DType.FLOAT32);

    private static Trainer.Setup setup(TrainSpec spec, List<Monitor> monitors, MetricsSink sink, CheckpointStore store) {
        Dataset train = DATA.train().slice(0, 96);
        return new Trainer.Setup(NET, NET.init(Rng.seed(3), DType.FLOAT32), Objective.crossEntropy(NET), train, null,
                new Momentum(0.9, false, 5e-4), LearningRateRule.of(Schedule.constant(0.05)), spec, monitors, sink, store);
    }

    private static void assertSameBits(Params a, Params b) {
        for (String n : a.names()) {
            assertArrayEquals(a.get(n).toFloatArray(), b.get(n).toFloatArray(), 0f, n);
        }
    }

    @Test
    void buffersFollowTrainingAndResumeIsBitIdentical(@TempDir Path dir) throws Exception {
        TrainSpec spec = TrainSpec.of(16, 5, 1).withCheckpointEvery(2).withEvalEvery(0);
        Trainer.Result straight = Trainer.run(setup(spec, List.of(), null, null));
        assertEquals(5.0, straight.state().get("bn1.num_batches_tracked").item(), "one train-mode pass per step");
        assertNotEquals(0.0, straight.state().get("layer3.0.bn2.running_mean").get(0), "running statistics moved");

        CheckpointStore store = new CheckpointStore(dir);
        MetricsSink killer = row -> {
            if (((Number) row.get("step")).longValue() == 3) {
                throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class, () -> Trainer.run(setup(spec, List.of(), killer, store)));
        Trainer.Result resumed = Trainer.run(setup(spec, List.of(), null, store));
        assertSameBits(straight.params(), resumed.params());
        assertSameBits(straight.state().buffers(), resumed.state().buffers());

        // the final checkpoint is a state_dict with parameters and buffers
        Path file = store.dir().resolve("step-000000005/model.safetensors");
        StateDict.Loaded l = StateDict.read(file, NET.init(Rng.seed(0), DType.FLOAT32), NET.initState(DType.FLOAT32));
        assertSameBits(straight.params(), l.params());
        assertSameBits(straight.state().buffers(), l.state().buffers());
    }

    @Test
    void sameBitsWithOneAndTwoThreads() {
        int old = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Trainer.Result one = Trainer.run(setup(TrainSpec.of(32, 3, 5).withEvalEvery(0), List.of(), null, null));
            Parallel.setThreads(2);
            Trainer.Result two = Trainer.run(setup(TrainSpec.of(32, 3, 5).withEvalEvery(0), List.of(), null, null));
            assertSameBits(one.params(), two.params());
            assertSameBits(one.state().buffers(), two.state().buffers());
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void monitorsAndEvaluationNeverChangeTheBuffers() {
        TrainSpec spec = TrainSpec.of(16, 4, 2).withEvalEvery(1);
        double[] seen = new double[2];
        Monitor hessian = Monitor.of(1, ctx -> {
            // a curvature measurement differentiating the objective twice, in the trainer's eval frame
            Batch b = ctx.train().slice(0, 8).all();
            Params g = Autodiff.grad((Params q) -> ctx.objective().loss(q, b)).apply(ctx.params());
            Params hv = Autodiff.hvp(q -> ctx.objective().loss(q, b), ctx.params(), g);
            seen[0] = hv.normSquared().item();
            seen[1]++;
            return Map.of("g_hg", g.dot(hv).item());
        });
        Trainer.Result with = Trainer.run(setup(spec, List.of(hessian), null, null));
        Trainer.Result without = Trainer.run(setup(TrainSpec.of(16, 4, 2).withEvalEvery(0), List.of(), null, null));
        assertEquals(5, seen[1], "the monitor ran at each step and at the end");
        assertTrue(seen[0] > 0);
        assertSameBits(without.params(), with.params());
        assertSameBits(without.state().buffers(), with.state().buffers());
        assertEquals(4.0, with.state().get("bn1.num_batches_tracked").item());
    }

    @Test
    void aMonitorMeasuresInItsDeclaredMode() {
        Batch b = DATA.train().slice(0, 8).all();
        Monitor loss = Monitor.of(1, ctx -> Map.of("probe_loss", ctx.objective().loss(ctx.params(), b).item()));
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.Result r = Trainer.run(setup(TrainSpec.of(16, 2, 1).withEvalEvery(0),
                List.of(loss, Monitor.inMode(Mode.TRAIN, loss)), rows::add, null));
        Params init = NET.init(Rng.seed(3), DType.FLOAT32);
        ModelState s0 = NET.initState(DType.FLOAT32);
        for (Mode mode : Mode.values()) {
            double want = Objective.crossEntropy(NET.bind(s0, mode)).loss(init, b).item();
            String key = mode == Mode.TRAIN ? "probe_loss_train" : "probe_loss";
            assertEquals(want, (Double) rows.get(0).get(key), 0, key + " at step 0");
        }
        assertNotEquals(rows.get(0).get("probe_loss"), rows.get(0).get("probe_loss_train"));
        assertEquals(2.0, r.state().get("bn1.num_batches_tracked").item(), "train-mode monitors do not update the buffers");
    }

    @Test
    void parametersAndBuffersRoundTripThroughSafetensors(@TempDir Path dir) throws Exception {
        Params p = NET.init(Rng.seed(1), DType.FLOAT64);
        Batch b = DATA.train().asType(DType.FLOAT64).slice(0, 8).all();
        ModelState s = NET.forward(p, NET.initState(DType.FLOAT64), b.x(), Mode.TRAIN).state();
        Path f = dir.resolve("state.safetensors");
        StateDict.write(f, p, s, Map.of());
        StateDict.Loaded l = StateDict.read(f, NET.init(Rng.seed(2), DType.FLOAT64), NET.initState(DType.FLOAT64));
        for (String n : p.names()) {
            assertArrayEquals(p.get(n).toDoubleArray(), l.params().get(n).toDoubleArray(), 0, n);
        }
        for (String n : s.names()) {
            assertArrayEquals(s.get(n).toDoubleArray(), l.state().get(n).toDoubleArray(), 0, n);
        }
        Tensor eval = NET.forward(l.params(), l.state(), b.x(), Mode.EVAL).output();
        assertArrayEquals(NET.forward(p, s, b.x(), Mode.EVAL).output().toDoubleArray(), eval.toDoubleArray(), 0);
    }

    @Test
    void aCheckpointWithoutBatchNormBuffersIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Params p = NET.init(Rng.seed(1), DType.FLOAT32);
        Path f = dir.resolve("params-only.safetensors");
        Safetensors.write(f, p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDict.read(f, p, NET.initState(DType.FLOAT32)));
        assertEquals(f + " lacks the buffer bn1.running_mean (and " + (NET.buffers().size() - 1) + " more buffers): a BatchNorm"
                + " model's checkpoint must hold its running statistics; save the full state_dict (PyTorch: model.state_dict();"
                + " Occam checkpoints include them)", e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
