package org.occam.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a batched product folds into one GEMM: B shared by all entries, A's entries stacked rows. */
class MatmulFoldTest {
    @Test
    void stackedRowsRule() {
        assertTrue(Matmul.stackedRows(new int[] {4, 3}, new int[] {30, 10}, new int[] {0, 0}, 5, 2));
        assertFalse(Matmul.stackedRows(new int[] {4, 3}, new int[] {30, 10}, new int[] {0, 7}, 5, 2), "B differs per entry");
        assertFalse(Matmul.stackedRows(new int[] {4, 3}, new int[] {31, 10}, new int[] {0, 0}, 5, 2), "gap between entries");
        assertFalse(Matmul.stackedRows(new int[] {3}, new int[] {1}, new int[] {0}, 5, 3), "entries interleaved");
        assertTrue(Matmul.stackedRows(new int[] {1, 3}, new int[] {99, 10}, new int[] {5, 0}, 5, 2), "size-1 axes ignored");
    }
}
