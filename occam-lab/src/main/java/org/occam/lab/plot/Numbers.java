package org.occam.lab.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Short, locale-independent number text for tick labels, cells and tables. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * {@code v} with at most {@code digits} significant digits and no trailing zeros, in
     * scientific notation when it is very large or very small: 0.5, 1200, 3.142, 1.5e-05, 2e+06,
     * NaN, inf, -inf.
     *
     * @param v the value
     * @param digits the most significant digits
     * @return the text
     */
    public static String compact(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            String s = String.format(Locale.ROOT, "%." + Math.max(0, digits - 1) + "e", v);
            int e = s.indexOf('e');
            String mant = stripZeros(s.substring(0, e));
            String exp = s.substring(e + 1);
            char sign = exp.charAt(0) == '-' ? '-' : '+';
            String digitsOnly = exp.replaceFirst("^[+-]", "").replaceFirst("^0+(?=\\d\\d)", "");
            return mant + "e" + sign + digitsOnly;
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits));
        return stripZeros(b.toPlainString());
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceFirst("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
