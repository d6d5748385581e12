package org.occam.sam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Batch;
import org.occam.measure.TrainingSubset;
import org.occam.tensor.Tensor;
import org.occam.train.Monitor;
import org.occam.train.Objective;

/**
 * A training monitor of SAM's quantities on a fixed training subset (docs/sam.md): the ascent-point
 * loss {@code sam_ascent_loss} = E(θ + ε̂) and the SAM sharpness {@code sam_sharpness} =
 * E(θ + ε̂) − E(θ), with E the run's unregularized loss and ε̂ = ρT²∇E/‖T∇E‖ ({@link AscentStep}).
 */
public final class SamMonitor implements Monitor {
    private final int every;
    private final TrainingSubset subset;
    private final AscentStep ascent;

    /**
     * Every {@code every} steps on {@code examples} training rows, with the ascent step {@code ascent}.
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @param ascent the ascent step
     */
    public SamMonitor(int every, int examples, AscentStep ascent) {
        if (every <= 0) {
            throw new IllegalArgumentException("monitor period 'every' must be positive, got " + every);
        }
        this.every = every;
        this.subset = new TrainingSubset(examples, 0);
        this.ascent = ascent;
    }

    @Override
    public int every() {
        return every;
    }

    @Override
    public Map<String, Double> measure(Context ctx) {
        Batch b = subset.batch(ctx.train());
        return values(ctx.objective().base(), ctx.params(), b, ascent);
    }

    /**
     * sam_ascent_loss and sam_sharpness of {@code base} at θ on a batch.
     *
     * @param base E
     * @param theta θ
     * @param batch a batch of examples
     * @param ascent the ascent step
     * @return the two values by name
     */
    public static Map<String, Double> values(Objective base, Params theta, Batch batch, AscentStep ascent) {
        Sam sam = new Sam(base, ascent, Sam.Gradient.FIRST_ORDER);
        Params up = sam.ascentPoint(theta, batch);
        Function<Params, Tensor> e = q -> base.loss(q, batch);
        double at = Recording.noGrad(() -> e.apply(theta)).item();
        double ahead = Recording.noGrad(() -> e.apply(up)).item();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("sam_ascent_loss", ahead);
        m.put("sam_sharpness", ahead - at);
        return m;
    }
}
