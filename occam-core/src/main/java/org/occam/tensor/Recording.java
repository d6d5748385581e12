package org.occam.tensor;

import java.util.function.Supplier;

/**
 * Per-thread recording state. Ops record graph nodes only while recording is enabled; a backward
 * pass runs with recording on exactly when an enclosing transform is tracing (so its result can
 * be differentiated again) and off otherwise (so a plain gradient builds no extra graph).
 */
public final class Recording {
    private static final ThreadLocal<int[]> STATE = ThreadLocal.withInitial(() -> new int[] {0, 1});

    private Recording() {
    }

    /** True while ops record graph nodes. */
    static boolean enabled() {
        return STATE.get()[1] == 1;
    }

    /** Number of transforms currently tracing a function on this thread. */
    static int depth() {
        return STATE.get()[0];
    }

    /** Runs body with tracing depth increased by one (inside a transform). */
    static <T> T traced(Supplier<T> body) {
        int[] s = STATE.get();
        int oldDepth = s[0];
        int oldRec = s[1];
        s[0] = oldDepth + 1;
        s[1] = 1;
        try {
            return body.get();
        } finally {
            s[0] = oldDepth;
            s[1] = oldRec;
        }
    }

    /** Runs body with recording set as given. */
    static <T> T with(boolean record, Supplier<T> body) {
        int[] s = STATE.get();
        int old = s[1];
        s[1] = record ? 1 : 0;
        try {
            return body.get();
        } finally {
            s[1] = old;
        }
    }

    /**
     * Runs body without recording: its results are constants (PyTorch's no_grad).
     *
     * @param body the computation whose results need no gradient
     * @param <T> the body's result type
     * @return what body returns
     */
    public static <T> T noGrad(Supplier<T> body) {
        return with(false, body);
    }
}
