package org.occam.morse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Batches;
import org.occam.data.Dataset;
import org.occam.data.Order;
import org.occam.optim.OptState;
import org.occam.optim.Optimizer;
import org.occam.optim.Schedule;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Fits a Morse network: mini-batches of data from a deterministic {@link Batches} schedule and,
 * at each step, fresh reference draws from {@code Rng.seed(seed).split(step)}, so step s always
 * sees the same data and reference batches whatever came before (a rerun gives the same bits).
 *
 * <p>The reference draws must change from step to step: with a fixed reference sample, φ can
 * push M down at those points only. That is why this loop, not {@link org.occam.train.Trainer}
 * (whose objectives see only a data batch), drives the fit.
 */
public final class MorseFit {
    private MorseFit() {
    }

    /**
     * How to fit.
     *
     * @param batchSize      data rows per step (≥ N means full batch)
     * @param referenceBatch reference draws per step
     * @param steps          number of updates
     * @param schedule       the learning rate of each step
     * @param seed           the seed of the batch schedule and the reference draws
     * @param logEvery       record the loss every this many steps (and at the last)
     */
    public record Spec(int batchSize, int referenceBatch, long steps, Schedule schedule, long seed, int logEvery) {
        /** Checks positive batch sizes and log period, and steps ≥ 0. */
        public Spec {
            if (batchSize <= 0 || referenceBatch <= 0 || steps < 0 || logEvery <= 0) {
                throw new IllegalArgumentException("Morse fit: batch sizes and logEvery must be positive and steps >= 0");
            }
        }
    }

    /**
     * One logged step: the two terms of the loss on that step's batches.
     *
     * @param step the 0-based step
     * @param dataTerm the data term
     * @param referenceTerm the weighted reference term
     */
    public record Point(long step, double dataTerm, double referenceTerm) {
        /**
         * The loss.
         *
         * @return the sum of the terms
         */
        public double loss() {
            return dataTerm + referenceTerm;
        }
    }

    /**
     * The fitted parameters and the logged loss curve.
     *
     * @param params the fitted parameters
     * @param curve the logged points
     * @param millis the wall time of the fit
     */
    public record Result(Params params, List<Point> curve, long millis) {
    }

    /**
     * Runs the fit from {@code init}; {@code progress} (may be null) sees every logged point.
     *
     * @param loss the Morse loss
     * @param reference the reference distribution ν
     * @param init the starting parameters
     * @param data the training data
     * @param optimizer the update rule
     * @param spec batch sizes, steps, schedule, seed
     * @param progress sees every logged point, or null
     * @return the fitted parameters and the loss curve
     * @throws IllegalStateException when the loss becomes NaN or infinite
     */
    public static Result fit(MorseLoss loss, ReferenceDistribution reference, Params init, Dataset data,
                             Optimizer optimizer, Spec spec, Consumer<Point> progress) {
        long t0 = System.nanoTime();
        Batches batches = new Batches(data, spec.batchSize(), Order.RESHUFFLE, spec.seed(), false);
        int perEpoch = batches.batchesPerEpoch();
        Params params = init;
        OptState state = OptState.empty();
        List<Point> curve = new ArrayList<>();
        List<Batch> epochBatches = null;
        int epochLoaded = -1;
        for (long step = 0; step < spec.steps(); step++) {
            int epoch = (int) (step / perEpoch);
            if (epoch != epochLoaded) {
                epochBatches = batches.epoch(epoch);
                epochLoaded = epoch;
            }
            Batch b = epochBatches.get((int) (step % perEpoch));
            Tensor u = reference.sample(Rng.seed(spec.seed()).split(step), spec.referenceBatch(), data.dtype());
            int[] y = b.y();
            Tensor x = b.x();
            Autodiff.ValueAndGrad vg = Autodiff.valueAndGrad((Params q) -> loss.value(q, x, y, u)).apply(params);
            double value = vg.value().item();
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("Morse fit diverged at step " + step + ": loss " + value);
            }
            boolean log = step % spec.logEvery() == 0 || step == spec.steps() - 1;
            if (log) {
                MorseLoss.Terms terms = loss.terms(params, x, y, u);
                Point pt = new Point(step, terms.data(), terms.reference());
                curve.add(pt);
                if (progress != null) {
                    progress.accept(pt);
                }
            }
            Optimizer.Update upd = optimizer.update(params, vg.grad(), state, spec.schedule().at(step));
            params = upd.params();
            state = upd.state();
        }
        return new Result(params, List.copyOf(curve), (System.nanoTime() - t0) / 1_000_000);
    }
}
