package org.occam.labelnoise;

import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.nn.Forward;
import org.occam.nn.Mode;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Label-noise SGD as an objective (docs/label-noise.md): each training step sees fresh noise on its
 * batch's labels, then the base loss.
 * <ul>
 *   <li>{@link Kind#GAUSSIAN}: regression targets y + σξ, ξ ~ N(0, I) per target entry (the
 *       setting of Blanc et al. 2020 and of the theory, with the MSE loss);</li>
 *   <li>{@link Kind#FLIP}: each class label is replaced, with probability p, by a label drawn
 *       uniformly from all K classes (possibly the same one).</li>
 * </ul>
 * The draws of dataset row r at a step come from {@code frame.rng("label_noise").split(r)}, where
 * frame is the ambient TRAIN-mode {@link Forward} frame the training loop opens for each step and
 * whose key is derived from (seed, step): so the noise is a function of (seed, step, example), the
 * same for any thread count, chunking or resume. In an EVAL frame (the Trainer's monitors) it is
 * the clean loss, as dropout is the identity there; outside any frame it refuses to run (evaluate
 * with {@link #base()}).
 *
 * @param inner   the base objective (MSE on the targets for GAUSSIAN)
 * @param kind    which noise
 * @param level   σ for GAUSSIAN, p for FLIP
 * @param classes K, the number of classes (FLIP only; 0 otherwise)
 */
public record LabelNoise(Objective inner, Kind kind, double level, int classes) implements Objective {

    /** The stream name under the step's frame. */
    public static final String STREAM = "label_noise";

    /** The two kinds of label noise. */
    public enum Kind {
        /** y + σξ on regression targets. */
        GAUSSIAN,
        /** a uniformly random label with probability p. */
        FLIP
    }

    /** Checks the parts: σ finite and non-negative, p in [0, 1], at least 2 classes for flips. */
    public LabelNoise {
        if (inner == null || kind == null) {
            throw new IllegalArgumentException("label noise needs a base objective and a kind");
        }
        if (kind == Kind.GAUSSIAN && (!(level >= 0) || Double.isInfinite(level))) {
            throw new IllegalArgumentException("label noise sigma must be a finite non-negative number, got " + level);
        }
        if (kind == Kind.FLIP && !(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("label flip probability p must be in [0, 1], got " + level);
        }
        if (kind == Kind.FLIP && classes < 2) {
            throw new IllegalArgumentException("label flips need at least 2 classes, got " + classes);
        }
    }

    /**
     * Gaussian noise of standard deviation σ on the regression targets.
     *
     * @param base the MSE objective on the clean targets
     * @param sigma σ
     * @return the noisy objective
     */
    public static LabelNoise gaussian(Objective base, double sigma) {
        return new LabelNoise(base, Kind.GAUSSIAN, sigma, 0);
    }

    /**
     * Each label replaced by a uniformly random one of K classes with probability p.
     *
     * @param base the objective on the clean labels
     * @param p the flip probability
     * @param classes K
     * @return the noisy objective
     */
    public static LabelNoise flip(Objective base, double p, int classes) {
        return new LabelNoise(base, Kind.FLIP, p, classes);
    }

    @Override
    public Tensor loss(Params params, Batch batch) {
        Forward f = frame();
        return f.mode() == Mode.TRAIN ? inner.loss(params, noisy(batch, f.rng(STREAM))) : inner.loss(params, batch);
    }

    /**
     * The batch with this step's noise, row r drawn from {@code step.split(indices[r])}.
     *
     * @param batch the clean batch
     * @param step the generator of this step
     * @return the noisy batch
     */
    public Batch noisy(Batch batch, Rng step) {
        int[] idx = batch.indices();
        if (kind == Kind.FLIP) {
            int[] y = batch.y();
            if (y == null) {
                throw new IllegalArgumentException("label flips need class labels; this batch has none (a regression set)");
            }
            for (int r = 0; r < y.length; r++) {
                Rng rng = step.split(idx[r]);
                if (rng.nextDouble() < level) {
                    y[r] = rng.nextInt(classes);
                }
            }
            return new Batch(batch.x(), y, batch.targets(), idx);
        }
        Tensor t = requireTargets(batch);
        int per = t.numel() / t.size(0);
        double[] xi = new double[t.numel()];
        for (int r = 0; r < idx.length; r++) {
            Rng rng = step.split(idx[r]);
            for (int j = 0; j < per; j++) {
                xi[r * per + j] = rng.nextGaussian();
            }
        }
        return shifted(batch, Tensor.of(t.dtype(), xi, t.shape()));
    }

    /**
     * The batch with targets y + σξ for a given standard-normal draw ξ (GAUSSIAN; the exact-expectation tests use it).
     *
     * @param batch the clean batch
     * @param xi ξ, shaped like the targets
     * @return the shifted batch
     */
    public Batch shifted(Batch batch, Tensor xi) {
        Tensor t = requireTargets(batch);
        return new Batch(batch.x(), batch.y(), t.add(xi.mul(level)), batch.indices());
    }

    private static Tensor requireTargets(Batch batch) {
        if (batch.targets() == null) {
            throw new IllegalArgumentException("Gaussian label noise needs regression targets (e.g. one-hot targets"
                    + " for an MSE fit of labels); this batch has none: use kind flip for class labels");
        }
        return batch.targets();
    }

    private static Forward frame() {
        Forward f = Forward.ambient();
        if (f == null) {
            throw new IllegalStateException("label noise draws fresh noise per training step from the step's TRAIN-mode"
                    + " frame: run it in the Trainer or inside Forward.of(state, Mode.TRAIN, stepKey).run(...);"
                    + " evaluate with objective.base()");
        }
        return f;
    }

    @Override
    public boolean decomposable() {
        return inner.decomposable();
    }

    @Override
    public Objective base() {
        return inner.base();
    }

    /**
     * "label noise N(0, σ²)" or "label flips p = …".
     *
     * @return the description
     */
    public String describe() {
        return kind == Kind.GAUSSIAN ? "label noise N(0, " + level + "^2)" : "label flips p = " + level + " over "
                + classes + " classes";
    }
}
