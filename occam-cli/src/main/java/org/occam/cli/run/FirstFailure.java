package org.occam.cli.run;

/**
 * Clean-up after a failure must not hide it: {@link #attempt} runs one step and, if that fails too
 * (the disk that failed a checkpoint also fails the CSV export), adds its exception to the first
 * failure as suppressed instead of throwing it, so the first failure is the one reported.
 */
final class FirstFailure {
    private FirstFailure() {
    }

    /** Runs {@code step}; its failure is added to {@code first} as suppressed. */
    static void attempt(Throwable first, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error later) {
            if (later != first) {
                first.addSuppressed(later);
            }
        }
    }
}
