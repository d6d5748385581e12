package org.occam.optim;

import java.util.Locale;

/**
 * A learning rate as a function of the step: constant, step decay, cosine, each with optional linear warm-up.
 *
 * @param kind the family: constant, step decay or cosine
 * @param base the learning rate after warm-up (the peak)
 * @param warmup steps of linear warm-up from base/warmup to base (0: none)
 * @param totalSteps the steps over which cosine decays to minLr, warm-up included
 * @param stepEvery steps between two decays of the step schedule
 * @param gamma the factor of each decay of the step schedule
 * @param minLr the rate cosine ends at
 */
public record Schedule(Kind kind, double base, int warmup, int totalSteps, int stepEvery, double gamma, double minLr) {

    /** Schedule families. */
    public enum Kind {
        /** The same rate at every step. */
        CONSTANT,
        /** The rate times gamma every stepEvery steps. */
        STEP,
        /** Half a cosine from base down to minLr over totalSteps. */
        COSINE
    }

    /**
     * The same rate at every step.
     *
     * @param lr the rate h
     * @return the schedule
     */
    public static Schedule constant(double lr) {
        return new Schedule(Kind.CONSTANT, lr, 0, 0, 0, 1, 0);
    }

    /**
     * Step decay: the rate times gamma every {@code every} steps.
     *
     * @param lr the starting rate
     * @param every steps between decays
     * @param gamma the factor of each decay
     * @return the schedule
     */
    public static Schedule step(double lr, int every, double gamma) {
        return new Schedule(Kind.STEP, lr, 0, 0, every, gamma, 0);
    }

    /**
     * Cosine decay from lr to minLr over totalSteps.
     *
     * @param lr the starting rate
     * @param totalSteps the length of the decay
     * @param minLr the final rate
     * @return the schedule
     */
    public static Schedule cosine(double lr, int totalSteps, double minLr) {
        return new Schedule(Kind.COSINE, lr, 0, totalSteps, 0, 1, minLr);
    }

    /**
     * This schedule after a linear warm-up.
     *
     * @param steps the warm-up length (0: none)
     * @return the schedule with that warm-up
     */
    public Schedule withWarmup(int steps) {
        return new Schedule(kind, base, steps, totalSteps, stepEvery, gamma, minLr);
    }

    /**
     * The learning rate at a 0-based step.
     *
     * @param step the 0-based step
     * @return the rate h at that step
     */
    public double at(long step) {
        if (warmup > 0 && step < warmup) {
            return base * (step + 1) / warmup;
        }
        long s = step - warmup;
        return switch (kind) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(gamma, stepEvery > 0 ? s / stepEvery : 0);
            case COSINE -> {
                long span = Math.max(1, totalSteps - warmup);
                double frac = Math.min(1.0, (double) s / span);
                yield minLr + (base - minLr) * 0.5 * (1 + Math.cos(Math.PI * frac));
            }
        };
    }

    /**
     * A short name for logs, e.g. {@code cosine(0.1, warmup=100)}.
     *
     * @return the name
     */
    public String describe() {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + base + (warmup > 0 ? ", warmup=" + warmup : "") + ")";
    }
}
