package org.occam.lab.report;

import java.util.ArrayList;
import java.util.List;
import org.occam.lab.plot.Numbers;

/**
 * The one way a learning rate h or a regularization strength μ is printed for a human, in
 * reports, chart labels, claim labels and console lines: {@code h = 0.05}, {@code μ = 0.005},
 * the value with at most {@link #DIGITS} significant digits and no trailing zeros
 * ({@link Numbers#compact}: 0.1, 0.3333, 2.5e-05). CSV and JSON keep the full double.
 */
public final class Rates {
    /** Significant digits of a printed rate. */
    public static final int DIGITS = 4;
    /** The regular expression of one printed value: what {@link #num} returns for a finite rate. */
    public static final String NUMBER = "-?\\d+(?:\\.\\d+)?(?:e[+-]\\d+)?";

    private Rates() {
    }

    /**
     * A rate's value alone, for a table cell or a list.
     *
     * @param v the rate
     * @return e.g. 0.05, 1, 2.5e-05
     */
    public static String num(double v) {
        return Numbers.compact(v, DIGITS);
    }

    /**
     * A learning rate as a label.
     *
     * @param h the learning rate
     * @return e.g. {@code h = 0.05}
     */
    public static String h(double h) {
        return "h = " + num(h);
    }

    /**
     * Several learning rates as one label.
     *
     * @param hs the learning rates, in the order to print
     * @return e.g. {@code h = 0.01, 0.02, 0.05}
     */
    public static String hs(double... hs) {
        return "h = " + list(hs);
    }

    /**
     * A regularization strength as a label.
     *
     * @param mu the strength
     * @return e.g. {@code μ = 0.005}
     */
    public static String mu(double mu) {
        return "μ = " + num(mu);
    }

    /**
     * Values joined by commas.
     *
     * @param v the values
     * @return e.g. {@code 0.01, 0.02, 0.05}
     */
    public static String list(double... v) {
        List<String> s = new ArrayList<>();
        for (double x : v) {
            s.add(num(x));
        }
        return String.join(", ", s);
    }
}
