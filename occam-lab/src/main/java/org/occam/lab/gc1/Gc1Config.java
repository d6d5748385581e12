package org.occam.lab.gc1;

import org.occam.lab.report.Rates;

/**
 * One training configuration of GC-1.
 *
 * @param lr        learning rate h
 * @param batchSize batch size (the number of points: full-batch GD)
 * @param l2        L2 penalty λ (loss + (λ/2)‖θ‖²)
 * @param gcPenalty GC penalty α (loss + α·GC on the batch)
 */
public record Gc1Config(double lr, int batchSize, double l2, double gcPenalty) {
    /**
     * E.g. "h = 0.05, B = 16, L2 = 0, GC = 0.001" ({@link Rates}).
     *
     * @return the label
     */
    public String label() {
        return Rates.h(lr) + ", B = " + batchSize + ", L2 = " + Rates.num(l2) + ", GC = " + Rates.num(gcPenalty);
    }
}
