package org.occam.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.data.Augmentation;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.ImageLayout;

import org.occam.nn.Activation;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Momentum;
import org.occam.optim.Schedule;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.kernel.Parallel;

/** Training with crop/flip augmentation: same bits for 1 and 2 threads, and after a kill mid-epoch and a resume. */
class AugmentedTrainingTest {
    private static final Dataset TRAIN = Datasets.digitsSplit(ImageLayout.NCHW, DType.FLOAT32).train().slice(0, 200);
    private static final Augmentation CROP_FLIP = Augmentation.cropAndFlip(2, true);

    private static Trainer.Setup setup(TrainSpec spec, MetricsSink sink, CheckpointStore store) {
        Sequential model = Models.cnn(1, 8, 8, new int[] {4}, 10, Activation.RELU);
        Params init = model.init(Rng.seed(1), DType.FLOAT32);
        return new Trainer.Setup(model, init, Objective.crossEntropy(model), TRAIN, null,
                new Momentum(0.9, false, 0), LearningRateRule.of(Schedule.constant(0.05)), spec, List.of(), sink, store);
    }

    private static TrainSpec spec(Augmentation a) {
        return TrainSpec.of(20, 16, 3).withCheckpointEvery(6).withEvalEvery(0).withAugmentation(a);
    }

    private static void assertSameBits(Params a, Params b) {
        for (String name : a.names()) {
            assertArrayEquals(a.get(name).toFloatArray(), b.get(name).toFloatArray(), 0f, name);
        }
    }

    @Test
    void augmentationChangesTrainingAndGivesTheSameBitsForAnyThreadCount() {
        int old = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Params one = Trainer.run(setup(spec(CROP_FLIP), null, null)).params();
            Parallel.setThreads(2);
            Params two = Trainer.run(setup(spec(CROP_FLIP), null, null)).params();
            assertSameBits(one, two);
            Params plain = Trainer.run(setup(spec(Augmentation.NONE), null, null)).params();
            String w = plain.names().iterator().next();
            assertFalse(Arrays.equals(plain.get(w).toFloatArray(), one.get(w).toFloatArray()), "augmentation is applied");
        } finally {
            Parallel.setThreads(old);
        }
    }

    /** 200 digits in batches of 20: 10 per epoch; checkpoints at 6 and 12, killed at 14 (mid-epoch 1). */
    @Test
    void killedMidEpochResumesBitIdentically(@TempDir Path dir) {
        Params straight = Trainer.run(setup(spec(CROP_FLIP), null, null)).params();
        CheckpointStore store = new CheckpointStore(dir.resolve("ckpt"));
        MetricsSink killer = row -> {
            if (((Number) row.get("step")).longValue() == 14) {
                throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class, () -> Trainer.run(setup(spec(CROP_FLIP), killer, store)));
        List<Long> steps = new ArrayList<>();
        Params resumed = Trainer.run(setup(spec(CROP_FLIP), row -> steps.add(((Number) row.get("step")).longValue()),
                store)).params();
        assertEquals(12L, steps.getFirst(), "resumes at the checkpoint, mid-epoch");
        assertSameBits(straight, resumed);
    }
}
