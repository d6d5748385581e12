package org.occam.maxmargin;

/** The ℓ1, ℓ2 and ℓ∞ norms of a vector and their duals (docs/max-margin.md). */
public enum Norm {
    /** Σ|v_i|. */
    L1,
    /** √(Σ v_i²). */
    L2,
    /** max |v_i|. */
    LINF;

    /**
     * ‖v‖ in this norm.
     *
     * @param v the vector
     * @return its norm
     */
    public double of(double[] v) {
        double acc = 0;
        for (double x : v) {
            switch (this) {
                case L1 -> acc += Math.abs(x);
                case L2 -> acc += x * x;
                case LINF -> acc = Math.max(acc, Math.abs(x));
            }
        }
        return this == L2 ? Math.sqrt(acc) : acc;
    }

    /**
     * The dual norm: ℓ1 ↔ ℓ∞, ℓ2 ↔ ℓ2.
     *
     * @return the dual norm
     */
    public Norm dual() {
        return switch (this) {
            case L1 -> LINF;
            case L2 -> L2;
            case LINF -> L1;
        };
    }

    /**
     * The norm named l1, l2 or linf.
     *
     * @param s the name
     * @return the norm
     */
    public static Norm parse(String s) {
        return switch (s) {
            case "l1" -> L1;
            case "l2" -> L2;
            case "linf" -> LINF;
            default -> throw new IllegalArgumentException("norm must be l1, l2 or linf, got '" + s + "'");
        };
    }
}
