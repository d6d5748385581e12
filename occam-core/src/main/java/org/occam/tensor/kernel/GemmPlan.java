package org.occam.tensor.kernel;

/**
 * The blocking of one GEMM call, shared by the fp32 and fp64 drivers.
 *
 * <p>Every decision here depends only on the problem sizes and the micro-tile shape, never on the
 * thread count. That fixes which micro-tile computes each element of C and the order in which its
 * k-blocks are accumulated, so results are bit-identical whatever thread runs which task.
 *
 * <p>Loops of the blocked algorithm (Goto/BLIS order): for each column block of {@code nc}
 * columns, for each depth block of {@code kc}: pack that block of B once, then run a parallel
 * grid of tasks, each a rectangle of rows × columns of the block that packs its own micro-panels
 * of A and multiplies them with the shared packed B.
 */
final class GemmPlan {

    /** Wanted number of tasks per (column block, depth block); a constant, not the thread count. */
    private static final int TARGET_TASKS = 8;

    /** Depth of one k-block. */
    final int kc;
    /** Columns per column block (a multiple of nr unless it covers all of n). */
    final int nc;
    /** Rows per task (a multiple of mr). */
    final int taskRows;
    /** Columns per task, within a column block (a multiple of nr). */
    final int taskCols;

    /**
     * Plans an m×n×k product for an mr×nr micro-tile with at most maxKc depth and maxNc columns
     * per block (maxNc a multiple of nr); rowsPerTask is the preferred task height in rows (a
     * multiple of mr).
     */
    GemmPlan(int m, int n, int k, int mr, int nr, int maxKc, int maxNc, int rowsPerTask) {
        this.kc = evenBlock(k, maxKc, 1);
        this.nc = evenBlock(n, maxNc, nr);
        this.taskRows = rowsPerTask;
        int rowTasks = ceilDiv(m, rowsPerTask);
        int panels = ceilDiv(nc, nr);
        // Too few row tasks (short C): split each column block too, keeping >= 2 panels a task.
        int colTasks = Math.max(1, Math.min(ceilDiv(TARGET_TASKS, rowTasks), panels / 2));
        this.taskCols = ceilDiv(panels, colTasks) * nr;
    }

    /** Number of tasks of a column block of {@code cols} columns in an m-row product. */
    int tasks(int m, int cols) {
        return ceilDiv(m, taskRows) * ceilDiv(cols, taskCols);
    }

    /**
     * Size of the blocks that split {@code extent} into as few blocks of at most {@code max} as
     * possible, all as equal as possible and a multiple of {@code align} (only the last may be
     * shorter). Equal blocks avoid a tiny last k-block that would pay the C load/store alone.
     */
    static int evenBlock(int extent, int max, int align) {
        int blocks = Math.max(1, ceilDiv(extent, max));
        int size = ceilDiv(ceilDiv(extent, blocks), align) * align;
        return Math.max(align, Math.min(max, size));
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
