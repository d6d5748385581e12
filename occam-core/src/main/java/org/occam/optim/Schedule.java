package org.occam.optim;

import java.util.Locale;

/** A learning rate as a function of the step: constant, step decay, cosine, each with optional linear warm-up. */
public record Schedule(Kind kind, double base, int warmup, int totalSteps, int stepEvery, double gamma, double minLr) {

    /** Schedule families. */
    public enum Kind { CONSTANT, STEP, COSINE }

    public static Schedule constant(double lr) {
        return new Schedule(Kind.CONSTANT, lr, 0, 0, 0, 1, 0);
    }

    public static Schedule step(double lr, int every, double gamma) {
        return new Schedule(Kind.STEP, lr, 0, 0, every, gamma, 0);
    }

    public static Schedule cosine(double lr, int totalSteps, double minLr) {
        return new Schedule(Kind.COSINE, lr, 0, totalSteps, 0, 1, minLr);
    }

    public Schedule withWarmup(int steps) {
        return new Schedule(kind, base, steps, totalSteps, stepEvery, gamma, minLr);
    }

    /** The learning rate at a 0-based step. */
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

    public String describe() {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + base + (warmup > 0 ? ", warmup=" + warmup : "") + ")";
    }
}
