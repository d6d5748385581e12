package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.nn.Activation;
import org.occam.nn.Model;
import org.occam.nn.Models;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/** Deterministic input noise, and Bishop's σ²·GC for a linear model under squared loss. */
class InputNoiseTest {
    static final Objective MSE = Objective.mse(Fixtures.MLP);

    @Test
    void noiseIsDeterministicAndKeyedOnSeedBatchAndStep() {
        Params p = Fixtures.params();
        Dataset d = Fixtures.data();
        Batch a = d.batch(new int[] {0, 1, 2});
        Batch b = d.batch(new int[] {2, 1, 0});
        Objective noisy = InputNoise.of(MSE, 0.3, 4);
        assertEquals(noisy.loss(p, a).item(), noisy.loss(p, a).item(), 0);
        assertNotEquals(noisy.loss(p, a).item(), InputNoise.of(MSE, 0.3, 5).loss(p, a).item());
        assertNotEquals(MSE.loss(p, a).item(), noisy.loss(p, a).item());
        assertNotEquals(noisy.loss(p, a).item(), noisy.loss(p, b).item() + 0.0 * MSE.loss(p, b).item(), 0);
        assertEquals(InputNoise.atStep(MSE, 0.3, 4, 9).loss(p, a).item(), InputNoise.atStep(MSE, 0.3, 4, 9).loss(p, a).item(), 0);
        assertNotEquals(InputNoise.atStep(MSE, 0.3, 4, 9).loss(p, a).item(), InputNoise.atStep(MSE, 0.3, 4, 10).loss(p, a).item());
        assertEquals(MSE.loss(p, a).item(), InputNoise.of(MSE, 0, 4).loss(p, a).item(), 0);
    }

    @Test
    void noiseAddsSigmaSquaredGcOverOutputsForALinearModel() {
        // f = Wx + b, mse over k outputs: E_noise[loss] = loss + σ²‖W‖²_F / k exactly
        Model linear = Models.mlp(Activation.IDENTITY, 3, 2);
        Objective mse = Objective.mse(linear);
        Params p = linear.init(Rng.seed(1), DType.FLOAT64);
        Rng rng = Rng.seed(2);
        Tensor x = rng.normal(DType.FLOAT64, 0, 1, 4, 3);
        Batch batch = Dataset.regression("lin", x, rng.normal(DType.FLOAT64, 0, 1, 4, 2)).all();
        double sigma = 0.2;
        int draws = 4000;
        double mean = 0;
        for (int s = 0; s < draws; s++) {
            // antithetic pairs x ± n cancel the zero-mean cross term exactly
            Batch plus = InputNoise.noisy(batch, sigma, Rng.seed(17).split(s));
            Batch minus = Terms.withInputs(batch, x.mul(2).sub(plus.x()));
            mean += (mse.loss(p, plus).item() + mse.loss(p, minus).item()) / (2 * draws);
        }
        double expected = mse.loss(p, batch).item()
                + sigma * sigma * GeometricComplexityPenalty.gc(linear, p, x).item() / 2;
        double excess = expected - mse.loss(p, batch).item();
        assertEquals(expected, mean, 0.05 * excess);
    }
}
