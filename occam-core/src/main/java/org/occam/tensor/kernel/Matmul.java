package org.occam.tensor.kernel;

import java.util.Arrays;

/**
 * Batched matrix products on strided operands, one {@link Gemm} call per batch entry, or one call
 * for all of them when B is shared by every entry and A's entries are stacked rows.
 */
public final class Matmul {
    private Matmul() {
    }

    /**
     * The product of [..., M, K] and [..., K, N] over the broadcast batch axes {@code batch}, one
     * GEMM per batch entry; batch axes that both operands broadcast are collapsed to size 1 (the
     * caller expands the result), so that work is done once.
     */
    public static Buffer batched(Buffer a, Buffer b, int[] batch, int m, int n, int k) {
        int ra = a.rank();
        int rb = b.rank();
        int[] batchA = Arrays.copyOf(a.shapeRef(), ra - 2);
        int[] batchB = Arrays.copyOf(b.shapeRef(), rb - 2);
        int[] sa0 = Strided.broadcastStrides(batchA, Arrays.copyOf(a.stridesRef(), ra - 2), batch);
        int[] sb0 = Strided.broadcastStrides(batchB, Arrays.copyOf(b.stridesRef(), rb - 2), batch);
        batch = batch.clone();
        for (int d = 0; d < batch.length; d++) {
            if (sa0[d] == 0 && sb0[d] == 0) {
                batch[d] = 1;
            }
        }
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Buffer out = Buffer.zerosLike(a, outShape);
        int aRs = a.stridesRef()[ra - 2];
        int aCs = a.stridesRef()[ra - 1];
        int bRs = b.stridesRef()[rb - 2];
        int bCs = b.stridesRef()[rb - 1];
        int batches = Dims.numel(batch);
        if (batches > 1 && !Gemm.isRowwise(m) && stackedRows(batch, sa0, sb0, m, aRs)) {
            // B packed once instead of once per entry; each element of C sees the same operations
            if (a.isDouble()) {
                Gemm.dgemm(batches * m, n, k, a.doubleData(), a.offset(), aRs, aCs, b.doubleData(), b.offset(), bRs, bCs,
                        out.doubleData(), 0, n, false);
            } else {
                Gemm.sgemm(batches * m, n, k, a.floatData(), a.offset(), aRs, aCs, b.floatData(), b.offset(), bRs, bCs,
                        out.floatData(), 0, n, false);
            }
            return out;
        }
        int[] idx = new int[batch.length];
        for (int t = 0; t < batches; t++) {
            int offA = a.offset();
            int offB = b.offset();
            for (int d = 0; d < batch.length; d++) {
                offA += idx[d] * sa0[d];
                offB += idx[d] * sb0[d];
            }
            if (a.isDouble()) {
                Gemm.dgemm(m, n, k, a.doubleData(), offA, aRs, aCs, b.doubleData(), offB, bRs, bCs,
                        out.doubleData(), t * m * n, n, false);
            } else {
                Gemm.sgemm(m, n, k, a.floatData(), offA, aRs, aCs, b.floatData(), offB, bRs, bCs,
                        out.floatData(), t * m * n, n, false);
            }
            for (int d = batch.length - 1; d >= 0; d--) {
                if (++idx[d] < batch[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return out;
    }

    /**
     * Whether B is the same matrix for every batch entry and A's entries, read row by row, form
     * one [batches·m, k] matrix at row stride aRs (so the batch folds into GEMM's M).
     */
    static boolean stackedRows(int[] batch, int[] strideA, int[] strideB, int m, int aRs) {
        long expected = (long) m * aRs;
        for (int d = batch.length - 1; d >= 0; d--) {
            if (batch[d] == 1) {
                continue;
            }
            if (strideB[d] != 0 || strideA[d] != expected) {
                return false;
            }
            expected *= batch[d];
        }
        return true;
    }
}
