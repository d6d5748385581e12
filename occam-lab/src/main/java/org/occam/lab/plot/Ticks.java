package org.occam.lab.plot;

import java.util.ArrayList;
import java.util.List;

/** "Nice" tick positions (multiples of 1, 2, 2.5 or 5 times a power of ten) for a numeric axis. */
public final class Ticks {
    private Ticks() {
    }

    /**
     * About {@code target} ticks inside [lo, hi]; lo == hi gives that single value.
     *
     * @param lo the low end
     * @param hi the high end
     * @param target the number of ticks wanted
     * @return the ticks
     */
    public static List<Double> nice(double lo, double hi, int target) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo)) {
            out.add(lo);
            return out;
        }
        double step = niceStep((hi - lo) / Math.max(1, target - 1));
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (double v = first; v <= hi + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    /**
     * The smallest nice step not below {@code raw}.
     *
     * @param raw the raw step
     * @return the step
     */
    public static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw * (1 - 1e-9)) {
                return m * mag;
            }
        }
        return 10 * mag;
    }
}
