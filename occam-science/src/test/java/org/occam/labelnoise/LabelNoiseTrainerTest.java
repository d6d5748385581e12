package org.occam.labelnoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.Split;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.sam.Sam;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.kernel.Parallel;
import org.occam.train.Objective;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/** Label-noise SGD (and SAM on top) through the Trainer: the same bits for 1 and 2 kernel threads, fresh noise each step. */
class LabelNoiseTrainerTest {
    static final Sequential MLP = Models.parse("mlp:64-16-10:tanh");
    static final Dataset DATA = Datasets.digits(Split.TRAIN).slice(0, 96);

    static double[] train(Objective o, int threads, long steps) {
        int before = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Trainer.Setup s = new Trainer.Setup(MLP, MLP.init(Rng.seed(1), DType.FLOAT32), o, DATA, null, new Sgd(),
                    LearningRateRule.of(Schedule.constant(0.1)), TrainSpec.of(32, steps, 4).withEvalEvery(0), List.of(),
                    null, null);
            Params p = Trainer.run(s).params();
            return p.flatten().toDoubleArray();
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void sameBitsForAnyThreadCountAndNoiseChangesTheRun() {
        Objective ce = Objective.crossEntropy(MLP);
        Objective noisy = Sam.of(LabelNoise.flip(ce, 0.5, 10), 0.05);
        double[] one = train(noisy, 1, 6);
        double[] two = train(noisy, 2, 6);
        assertArrayEquals(one, two, 0);
        assertFalse(Arrays.equals(one, train(Sam.of(ce, 0.05), 1, 6)), "the flips must change the run");
    }
}
