package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.train.Objective;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/** Regularizers are objectives: they run in the unmodified training loop. */
class TrainerPluggingTest {
    static final Dataset DATA = Fixtures.data();
    static final Objective CE = Objective.crossEntropy(Fixtures.MLP);

    static Params train(Objective o, int steps) {
        Trainer.Setup s = new Trainer.Setup(Fixtures.MLP, Fixtures.params(), o, DATA, null, new Sgd(0),
                LearningRateRule.of(Schedule.constant(0.1)), TrainSpec.of(DATA.size(), steps, 1), null, null, null);
        return Trainer.run(s).params();
    }

    @Test
    void finiteDifferenceEgrTrainsLikeExactEgrInTheTrainer() {
        Params exact = train(ExplicitGradientRegularization.exact(CE, 0.2), 15);
        Params fd = train(ExplicitGradientRegularization.finiteDifference(CE, 0.2), 15);
        Params plain = train(CE, 15);
        double gap = Orders.distance(exact, fd);
        assertTrue(gap < 1e-8, "finite-difference EGR drifted from exact EGR by " + gap);
        assertTrue(Orders.distance(exact, plain) > 1e-3, "EGR should change the trajectory");
    }

    @Test
    void noisyRunsAreReproducible() {
        Objective noisy = L2Penalty.of(InputNoise.of(CE, 0.1, 3), 1e-3);
        assertEquals(0, Orders.distance(train(noisy, 10), train(noisy, 10)), 0);
    }
}
