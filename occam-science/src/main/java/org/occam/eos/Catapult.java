package org.occam.eos;

import java.util.ArrayList;
import java.util.List;

/**
 * Catapult detection (Lewkowycz et al. 2020; docs/eos-diagnostics.md): a loss spike — the loss rises
 * above {@code factor} × its running minimum, peaks, and falls back below that threshold — after
 * which the sharpness has dropped by at least {@code drop} relative to its value before the spike.
 *
 * @param start           first step above the threshold
 * @param peak            the step of the largest loss in the spike
 * @param end             first step back below the threshold
 * @param lossBefore      the running minimum of the loss before the spike
 * @param lossPeak        the largest loss
 * @param sharpnessBefore the last finite sharpness before the spike
 * @param sharpnessAfter  the first finite sharpness from the end on
 */
public record Catapult(int start, int peak, int end, double lossBefore, double lossPeak, double sharpnessBefore,
                       double sharpnessAfter) {

    /**
     * Every catapult in aligned series (index = step; sharpness NaN where not measured). A spike
     * whose loss never falls back (a divergence), or after which the sharpness did not drop, is not one.
     *
     * @param loss the training loss at each step
     * @param sharpness λ_max at each step, NaN where not measured
     * @param factor how far above its running minimum the loss must rise (above 1)
     * @param drop the least relative drop of the sharpness after the spike, in (0, 1)
     * @return the catapults, in order
     */
    public static List<Catapult> detect(double[] loss, double[] sharpness, double factor, double drop) {
        if (loss.length != sharpness.length) {
            throw new IllegalArgumentException("loss and sharpness must be aligned, got " + loss.length + " and "
                    + sharpness.length + " points");
        }
        if (!(factor > 1) || !(drop > 0 && drop < 1)) {
            throw new IllegalArgumentException("catapult needs a spike factor > 1 and a drop in (0, 1), got " + factor
                    + " and " + drop);
        }
        List<Catapult> out = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        int t = 0;
        while (t < loss.length) {
            if (!Double.isFinite(loss[t])) {
                return out;
            }
            if (loss[t] > factor * min) {
                int start = t;
                int peak = t;
                while (t < loss.length && Double.isFinite(loss[t]) && loss[t] > factor * min) {
                    peak = loss[t] > loss[peak] ? t : peak;
                    t++;
                }
                if (t >= loss.length || !Double.isFinite(loss[t])) {
                    return out;
                }
                double before = lastFinite(sharpness, start - 1);
                double after = firstFinite(sharpness, t);
                if (after < (1 - drop) * before) {
                    out.add(new Catapult(start, peak, t, min, loss[peak], before, after));
                }
            }
            min = Math.min(min, loss[t]);
            t++;
        }
        return out;
    }

    private static double lastFinite(double[] v, int from) {
        for (int i = from; i >= 0; i--) {
            if (Double.isFinite(v[i])) {
                return v[i];
            }
        }
        return Double.NaN;
    }

    private static double firstFinite(double[] v, int from) {
        for (int i = from; i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                return v[i];
            }
        }
        return Double.NaN;
    }
}
