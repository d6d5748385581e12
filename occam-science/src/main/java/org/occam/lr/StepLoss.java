package org.occam.lr;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Batches;
import org.occam.data.Dataset;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;
import org.occam.train.TrainSpec;

/**
 * The loss, as a function of the parameters, that a curvature-aware learning-rate rule measures at
 * a step. {@link org.occam.optim.LearningRateRule.Context} carries only the step's parameters,
 * gradient and loss value, so a rule that needs Hessian-gradient products (DAL, METHODS §4.2) is
 * given this instead.
 *
 * @param lossAt           the loss at each 0-based step
 * @param trainerGradient  true when {@code lossAt(step)} is the very function whose gradient the
 *                         trainer passes in the context (so the rule may reuse it); false when the
 *                         rule must differentiate {@code lossAt(step)} itself
 * @param description      a short description for logs
 */
public record StepLoss(LongFunction<Function<Params, Tensor>> lossAt, boolean trainerGradient, String description) {

    /** Refuses a missing loss function. */
    public StepLoss {
        if (lossAt == null) {
            throw new IllegalArgumentException("a step loss needs a loss function");
        }
    }

    /**
     * The loss at a step.
     *
     * @param step the 0-based step
     * @return the loss as a function of the parameters
     */
    public Function<Params, Tensor> at(long step) {
        return lossAt.apply(step);
    }

    /**
     * The trainer's own batches: the same schedule as {@link org.occam.train.Trainer} (batch
     * {@code step mod perEpoch} of epoch {@code step / perEpoch}, from {@code spec}'s batch size,
     * order and seed), so the rule measures the loss the step differentiates and reuses its gradient.
     *
     * @param objective the training objective
     * @param train the training set
     * @param spec the run's batch schedule
     * @return the step loss
     */
    public static StepLoss trainerBatches(Objective objective, Dataset train, TrainSpec spec) {
        Batches batches = new Batches(train, spec.batchSize(), spec.order(), spec.seed(), false);
        int perEpoch = batches.batchesPerEpoch();
        LongFunction<Function<Params, Tensor>> at = new LongFunction<>() {
            private int cachedEpoch = -1;
            private List<Batch> cached;

            @Override
            public Function<Params, Tensor> apply(long step) {
                int epoch = Math.toIntExact(step / perEpoch);
                if (epoch != cachedEpoch) {
                    cached = batches.epoch(epoch);
                    cachedEpoch = epoch;
                }
                Batch b = cached.get((int) (step % perEpoch));
                return p -> objective.loss(p, b);
            }
        };
        return new StepLoss(at, true, "trainer batches of " + spec.batchSize());
    }

    /**
     * The whole training set, for full-batch gradient descent (the DAL paper's setting): the
     * trainer's gradient is the full-batch gradient and is reused. The rule checks this at its first
     * step (the step's loss must equal the training-set loss).
     *
     * @param objective the training objective
     * @param train the training set
     * @return the step loss
     */
    public static StepLoss fullBatch(Objective objective, Dataset train) {
        Batch all = train.all();
        Function<Params, Tensor> f = p -> objective.loss(p, all);
        return new StepLoss(step -> f, true, "full batch of " + train.size());
    }

    /**
     * A fixed batch whose gradient the rule computes itself (one more gradient per step): e.g. the
     * full-batch drift measured during mini-batch training.
     *
     * @param objective the training objective
     * @param batch a batch of examples
     * @return the step loss
     */
    public static StepLoss fixed(Objective objective, Batch batch) {
        Function<Params, Tensor> f = p -> objective.loss(p, batch);
        return new StepLoss(step -> f, false, "fixed batch of " + batch.size());
    }

    /**
     * A loss that does not depend on the step, e.g. a closed-form test function.
     *
     * @param loss the loss as a function of the parameters
     * @param trainerGradient whether the trainer's gradient is this loss's
     * @return the step loss
     */
    public static StepLoss of(Function<Params, Tensor> loss, boolean trainerGradient) {
        return new StepLoss(step -> loss, trainerGradient, "fixed loss");
    }
}
