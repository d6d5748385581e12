package org.occam.measure.margin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Batch;
import org.occam.measure.TrainingSubset;
import org.occam.tensor.Tensor;
import org.occam.train.Monitor;

/**
 * Training monitors for margins (METHODS §9, §7.3): {@link #margins}, {@link #direction} and
 * {@link #gcMargin}. Margins are always taken over the whole training set (the minimum margin is
 * a property of every example); gradients and GC over a fixed seeded subset.
 */
public final class MarginMonitors {
    private MarginMonitors() {
    }

    /**
     * margin_min, margin_qNN (type-7 quantile of level {@code level}), margin_median,
     * margin_positive_frac (the training accuracy by margins), param_norm ρ and log_sum_loss
     * (log of the summed loss, finite after the loss underflows); with {@code degree} ≥ 1 also
     * normalized_margin γ̄ = min q/ρ^L and smoothed_margin γ̃ (see {@link HomogeneousMargins}).
     *
     * @param loss   the loss of the smoothed margin; null: logistic for one logit per example,
     *               cross-entropy otherwise (the exponential loss must be named)
     * @param degree the homogeneity degree L, or 0 to skip the normalised margins
     * @param every period in steps
     * @param level the quantile level of margin_qNN
     * @return the monitor
     */
    public static Monitor margins(int every, MarginLoss loss, double level, int degree) {
        Quantiles.checkLevel(level);
        if (degree < 0) {
            throw new IllegalArgumentException("homogeneity degree must be >= 0 (0: no normalized margins), got " + degree);
        }
        return Monitor.of(every, ctx -> {
            MarginLoss l = loss != null ? loss : defaultLoss(ctx);
            TrainingMargins m = TrainingMargins.of(ctx.model(), ctx.params(), ctx.train(), l);
            MarginSummary s = MarginSummary.of(m.margins(), level);
            double rho = Directions.norm(ctx.params());
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("margin_min", s.min());
            out.put(s.quantileKey(), s.quantile());
            out.put("margin_median", s.median());
            out.put("margin_positive_frac", s.positiveFraction());
            out.put("param_norm", rho);
            out.put("log_sum_loss", m.logSumLoss());
            if (degree > 0) {
                HomogeneousMargins h = HomogeneousMargins.of(m, rho, degree);
                out.put("normalized_margin", h.normalized());
                out.put("smoothed_margin", h.smoothed());
            }
            return out;
        });
    }

    /**
     * align_cos = cos∠(θ, −∇L) on the subset (L the unregularised loss, {@code objective().base()})
     * at every measurement, and dir_cos = cos∠(θ_{t/2}, θ_t) where θ_{t/2} was measured. With
     * {@code logSpaced} the measurements are at steps 0 and every·2^k (so dir_cos is defined at
     * every one from 2·every on) and at the trainer's final row (lr NaN); otherwise every
     * {@code every} steps. Snapshots live in memory: a resumed run restarts its history.
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @param logSpaced whether to measure at steps 0 and every·2^k only
     * @return the monitor
     */
    public static Monitor direction(int every, int examples, boolean logSpaced) {
        TrainingSubset subset = new TrainingSubset(examples, 0);
        SnapshotHistory history = new SnapshotHistory();
        return Monitor.of(every, ctx -> {
            long t = ctx.step();
            if (logSpaced && !onLogGrid(t, every) && !Double.isNaN(ctx.lr())) {
                return Map.of();
            }
            Batch b = subset.batch(ctx.train());
            Params p = ctx.params();
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("align_cos", Directions.alignment(q -> ctx.objective().base().loss(q, b), p));
            double[] theta = Directions.values(p);
            double[] half = history.half(t);
            if (half != null) {
                out.put("dir_cos", Directions.cosine(half, theta));
            }
            history.put(t, theta);
            return out;
        });
    }

    /**
     * gc (exact GC of the logits on the subset, the rows the {@code gc} monitor uses for the same
     * count), margin_gamma (the type-7 quantile of level {@code level} of the margins of the whole
     * training set) and gc_over_gamma2 = GC/γ² (NaN when γ ≤ 0); see {@link MarginGc}.
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @param level the quantile level of γ
     * @return the monitor
     */
    public static Monitor gcMargin(int every, int examples, double level) {
        Quantiles.checkLevel(level);
        TrainingSubset subset = new TrainingSubset(examples, 1);
        return Monitor.of(every, ctx -> {
            MarginGc g = MarginGc.measure(ctx.model(), ctx.params(), subset.batch(ctx.train()).x(), ctx.train(), level);
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("gc", g.gc());
            out.put("margin_gamma", g.gamma());
            out.put("gc_over_gamma2", g.gcOverGamma2());
            return out;
        });
    }

    /** Whether t is 0 or every·2^k. */
    static boolean onLogGrid(long t, int every) {
        if (t == 0) {
            return true;
        }
        if (t % every != 0) {
            return false;
        }
        long k = t / every;
        return (k & (k - 1)) == 0;
    }

    private static MarginLoss defaultLoss(Monitor.Context ctx) {
        Tensor logits = Recording.noGrad(() -> ctx.model().apply(ctx.params(), ctx.train().slice(0, 1).x()));
        return Margins.isBinary(logits) ? MarginLoss.LOGISTIC : MarginLoss.CROSS_ENTROPY;
    }
}
