package org.occam.tensor.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Packed GEMM panels of constant operands, kept across calls: the training images of full-batch
 * gradient descent enter every forward (X·Wᵀ) and every weight gradient (Gᵀ·X) unchanged, and
 * packing them again each time is a third of a small MLP's run.
 *
 * <p>An array is opted in by {@link #markConstant}, a promise that its elements are never written
 * again. The first blocked GEMM that reads it as A or as B through a given view (offset, strides,
 * sizes) packs the whole view once, in exactly the layout, blocking and zero padding of the
 * per-call packing (packing is a copy, so the product has the same bits); later calls read those
 * panels. Arrays are held weakly and compared by identity; at most 8 packed
 * views are kept per array, further views are packed per call as before.
 */
public final class PackedOperands {

    /** Most packed views kept per array (roles, transposes, sizes). */
    static final int MAX_FORMS = 8;

    /** Marked arrays (weak, identity: arrays inherit Object's equals) to their packed views. */
    private static final Map<Object, Map<View, Object>> FORMS = new WeakHashMap<>();

    private PackedOperands() {
    }

    /**
     * Which packing of which view of an array: B packs are keyed by (depth, columns), A packs by
     * (rows, depth); the blocking is a function of the sizes, so the key fixes the layout.
     */
    record View(boolean b, int off, int rs, int cs, int rows, int cols) {
    }

    /** Marks a float array as never written again, so that GEMM may keep its packed panels. */
    public static void markConstant(float[] data) {
        mark(data);
    }

    /** Marks a double array as never written again, so that GEMM may keep its packed panels. */
    public static void markConstant(double[] data) {
        mark(data);
    }

    private static void mark(Object data) {
        synchronized (FORMS) {
            FORMS.computeIfAbsent(data, d -> new HashMap<>());
        }
    }

    /** Whether {@link #markConstant} was called on this array. */
    static boolean isConstant(Object data) {
        synchronized (FORMS) {
            return FORMS.containsKey(data);
        }
    }

    /**
     * The packed form of a view of a marked array, packing it on first use; null when the array is
     * not marked or already holds MAX_FORMS other views (the caller packs per call). Two
     * threads may pack the same view at once: both get one of the (identical) results.
     */
    static Object packed(Object data, View view, Supplier<Object> pack) {
        synchronized (FORMS) {
            Map<View, Object> forms = FORMS.get(data);
            if (forms == null) {
                return null;
            }
            Object p = forms.get(view);
            if (p != null || forms.size() >= MAX_FORMS) {
                return p;
            }
        }
        Object p = pack.get();
        synchronized (FORMS) {
            Map<View, Object> forms = FORMS.get(data);
            return forms == null ? p : forms.computeIfAbsent(view, v -> p);
        }
    }

    /** Packed views held for an array (for tests). */
    static int forms(Object data) {
        synchronized (FORMS) {
            Map<View, Object> forms = FORMS.get(data);
            return forms == null ? 0 : forms.size();
        }
    }
}
