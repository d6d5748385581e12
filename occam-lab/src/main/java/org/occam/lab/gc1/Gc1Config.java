package org.occam.lab.gc1;

import java.util.Locale;

/**
 * One training configuration of GC-1.
 *
 * @param lr        learning rate h
 * @param batchSize batch size (the number of points: full-batch GD)
 * @param l2        L2 penalty λ (loss + (λ/2)‖θ‖²)
 * @param gcPenalty GC penalty α (loss + α·GC on the batch)
 */
public record Gc1Config(double lr, int batchSize, double l2, double gcPenalty) {
    /** E.g. "h=0.05 B=16 L2=0 GC=0.001". */
    public String label() {
        return String.format(Locale.ROOT, "h=%s B=%d L2=%s GC=%s", num(lr), batchSize, num(l2), num(gcPenalty));
    }

    private static String num(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }
}
