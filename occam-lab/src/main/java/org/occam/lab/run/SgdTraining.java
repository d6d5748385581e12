package org.occam.lab.run;

import java.util.List;
import org.occam.data.Dataset;
import org.occam.nn.Model;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.MetricsSink;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/**
 * One run of plain SGD with random reshuffling (METHODS §2.1) through the {@link Trainer}: a
 * constant learning rate, a fixed number of epochs, parameters initialized from the seed and the
 * batch order drawn from it; train and test loss and accuracy in the final row.
 */
public final class SgdTraining {
    private SgdTraining() {
    }

    /**
     * Trains {@code epochs} epochs (⌈N/B⌉ steps each) and returns the Trainer's result; its final
     * row has train_loss, train_accuracy, test_loss, test_accuracy and the monitors' values.
     *
     * @param model the network
     * @param objective the training objective
     * @param train the training set
     * @param test the test set
     * @param batchSize B
     * @param lr the learning rate
     * @param epochs the number of epochs
     * @param seed the seed of the initialization and the batches
     * @param dtype the parameters' dtype
     * @param monitors measurements taken during training
     * @param sink receives each metrics row
     * @return the Trainer's result
     */
    public static Trainer.Result run(Model model, Objective objective, Dataset train, Dataset test, int batchSize,
                                     double lr, int epochs, long seed, DType dtype, List<Monitor> monitors,
                                     MetricsSink sink) {
        int perEpoch = (train.size() + batchSize - 1) / batchSize;
        TrainSpec spec = TrainSpec.of(batchSize, (long) perEpoch * epochs, seed).withEvalEvery(0);
        Trainer.Setup setup = new Trainer.Setup(model, model.init(Rng.seed(seed), dtype), objective, train, test,
                new Sgd(), LearningRateRule.of(Schedule.constant(lr)), spec, monitors, sink, null);
        return Trainer.run(setup);
    }

    /**
     * Checks that the model's first layer takes the data's input features (one clear line otherwise).
     *
     * @param model the network
     * @param train the training set
     * @param check the reproduction's name, for the message
     */
    public static void requireInputs(Sequential model, Dataset train, String check) {
        int in = model.params().getFirst().fanIn();
        if (in != train.features()) {
            throw new IllegalArgumentException(check + ": model " + model.describe() + " takes " + in
                    + " inputs but " + train.name() + " has " + train.features() + " features per row");
        }
    }

    /**
     * Steps of {@code epochs} epochs at batch size B over N rows.
     *
     * @param n N
     * @param batchSize B
     * @param epochs the number of epochs
     * @return the steps
     */
    public static long steps(int n, int batchSize, int epochs) {
        return (long) ((n + batchSize - 1) / batchSize) * epochs;
    }
}
