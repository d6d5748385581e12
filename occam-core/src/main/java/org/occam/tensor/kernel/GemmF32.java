package org.occam.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fp32 implementation behind {@link Gemm#sgemm}: packed panels and a register-blocked
 * {@value #MR}×(2 vectors) micro-kernel on the Vector API. {@link GemmF64} is the same code for
 * doubles; keep the two structurally identical.
 */
final class GemmF32 {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lanes of one vector. */
    private static final int L = S.length();
    /** Rows of the micro-tile (accumulators = 2·MR vectors: 16 of the 32 zmm registers). */
    static final int MR = 8;
    /** Columns of the micro-tile: two vectors. */
    static final int NR = 2 * L;
    /** Largest depth block: one MR×KC micro-panel of A stays in L1. */
    private static final int KC = 256;
    /** Largest column block: the packed KC×NC block of B stays in L2. */
    private static final int NC = 512;
    /** Preferred task height in rows. */
    private static final int TASK_ROWS = 8 * MR;

    private GemmF32() {
    }

    /** Per-thread packing buffers, allocated once at their largest size. */
    private static final class Buffers {
        /** Packed KC×NC block of B: NR-column panels, each kc rows of NR. */
        final float[] b = new float[KC * NC];
        /** One packed MR×KC micro-panel of A: MR rows of kc at a stride of KC. */
        final float[] a = new float[MR * KC];
        /** Scratch micro-tile for the edges of C. */
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Direct triple loop for small products, see {@link Gemm#sgemm}. */
    static void small(int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                      float[] b, int bOff, int bRs, int bCs, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0, ai = aOff + i * aRs, bi = bOff + j * bCs; p < k; p++, ai += aCs, bi += bRs) {
                    s = Math.fma(a[ai], b[bi], s);
                }
                int ci = cOff + i * ldc + j;
                c[ci] = accumulate ? c[ci] + s : s;
            }
        }
    }

    /** Blocked, packed and parallel product, see {@link Gemm#sgemm}; requires m, n, k > 0. */
    static void blocked(int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                        float[] b, int bOff, int bRs, int bCs, float[] c, int cOff, int ldc, boolean accumulate) {
        GemmPlan plan = new GemmPlan(m, n, k, MR, NR, KC, NC, TASK_ROWS);
        float[] bp = BUFFERS.get().b;
        for (int jc = 0; jc < n; jc += plan.nc) {
            int nc = Math.min(plan.nc, n - jc);
            for (int pc = 0; pc < k; pc += plan.kc) {
                int kc = Math.min(plan.kc, k - pc);
                packB(b, bOff + pc * bRs + jc * bCs, bRs, bCs, kc, nc, bp);
                int aBase = aOff + pc * aCs;
                int cBase = cOff + jc;
                boolean acc = accumulate || pc > 0;
                int colTasks = GemmPlan.ceilDiv(nc, plan.taskCols);
                Parallel.forRange(plan.tasks(m, nc), 1, (from, to) -> {
                    for (int t = from; t < to; t++) {
                        int i0 = (t / colTasks) * plan.taskRows;
                        int j0 = (t % colTasks) * plan.taskCols;
                        block(i0, Math.min(m, i0 + plan.taskRows), j0, Math.min(nc, j0 + plan.taskCols), kc,
                                a, aBase, aRs, aCs, bp, c, cBase, ldc, acc);
                    }
                });
            }
        }
    }

    /**
     * Computes rows [i0, i1) × columns [j0, j1) of one (column block, depth block): C is at
     * c[cBase + i*ldc + j], A's block starts at a[aBase + i*aRs], bp holds the packed B block.
     */
    private static void block(int i0, int i1, int j0, int j1, int kc, float[] a, int aBase, int aRs, int aCs,
                              float[] bp, float[] c, int cBase, int ldc, boolean acc) {
        Buffers buf = BUFFERS.get();
        float[] ap = buf.a;
        for (int i = i0; i < i1; i += MR) {
            int mr = Math.min(MR, i1 - i);
            packA(a, aBase + i * aRs, aRs, aCs, mr, kc, ap);
            for (int j = j0; j < j1; j += NR) {
                int nr = Math.min(NR, j1 - j);
                int cIdx = cBase + i * ldc + j;
                int bIdx = j * kc;
                if (mr == MR && nr == NR) {
                    kernel(kc, ap, bp, bIdx, c, cIdx, ldc, acc);
                } else {
                    edgeTile(kc, ap, bp, bIdx, c, cIdx, ldc, mr, nr, acc, buf.tile);
                }
            }
        }
    }

    /**
     * A partial mr×nr tile: the full kernel runs on a scratch tile (same operations, so the
     * same bits), then the valid part is copied to C.
     */
    private static void edgeTile(int kc, float[] ap, float[] bp, int bIdx, float[] c, int cIdx, int ldc,
                                 int mr, int nr, boolean acc, float[] tile) {
        if (acc) {
            for (int i = 0; i < mr; i++) {
                System.arraycopy(c, cIdx + i * ldc, tile, i * NR, nr);
            }
        }
        kernel(kc, ap, bp, bIdx, tile, 0, NR, acc);
        for (int i = 0; i < mr; i++) {
            System.arraycopy(tile, i * NR, c, cIdx + i * ldc, nr);
        }
    }

    /**
     * Packs mr rows × kc columns of A (element (i, p) at a[base + i*aRs + p*aCs]) as ap[i*KC + p]:
     * each row contiguous at a fixed stride, so the kernel addresses rows with constant offsets.
     * Rows mr..MR are zero. Reads along whichever stride of A is shorter.
     */
    private static void packA(float[] a, int base, int aRs, int aCs, int mr, int kc, float[] ap) {
        if (aCs == 1) {
            for (int i = 0; i < mr; i++) {
                System.arraycopy(a, base + i * aRs, ap, i * KC, kc);
            }
        } else if (Math.abs(aRs) <= Math.abs(aCs)) {
            for (int p = 0; p < kc; p++) {
                int src = base + p * aCs;
                for (int i = 0; i < mr; i++) {
                    ap[i * KC + p] = a[src + i * aRs];
                }
            }
        } else {
            for (int i = 0; i < mr; i++) {
                for (int p = 0, src = base + i * aRs; p < kc; p++, src += aCs) {
                    ap[i * KC + p] = a[src];
                }
            }
        }
        for (int i = mr; i < MR; i++) {
            java.util.Arrays.fill(ap, i * KC, i * KC + kc, 0f);
        }
    }

    /**
     * Packs kc rows × nc columns of B (element (p, j) at b[base + p*bRs + j*bCs]) as NR-column
     * panels: column j, row p lands at bp[(j / NR)*kc*NR + p*NR + j % NR], zero-padding the last.
     */
    private static void packB(float[] b, int base, int bRs, int bCs, int kc, int nc, float[] bp) {
        for (int j0 = 0; j0 < nc; j0 += NR) {
            int nr = Math.min(NR, nc - j0);
            int src = base + j0 * bCs;
            int dst = j0 * kc;
            if (bCs == 1) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, src + p * bRs, bp, dst + p * NR, nr);
                }
            } else if (Math.abs(bCs) <= Math.abs(bRs)) {
                for (int p = 0; p < kc; p++) {
                    for (int j = 0; j < nr; j++) {
                        bp[dst + p * NR + j] = b[src + p * bRs + j * bCs];
                    }
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    for (int p = 0; p < kc; p++) {
                        bp[dst + p * NR + j] = b[src + p * bRs + j * bCs];
                    }
                }
            }
            for (int p = 0; p < kc && nr < NR; p++) {
                java.util.Arrays.fill(bp, dst + p * NR + nr, dst + (p + 1) * NR, 0f);
            }
        }
    }

    /**
     * The micro-kernel: the MR×NR tile at c[cIdx + i*ldc + j] becomes (acc ? tile : 0) plus the
     * product of the packed micro-panels ap (MR×kc) and bp[bIdx...] (kc×NR). Per step p: two
     * vector loads of B, MR broadcasts of A, 2·MR fused multiply-adds into register accumulators.
     */
    private static void kernel(int kc, float[] ap, float[] bp, int bIdx, float[] c, int cIdx, int ldc,
                               boolean acc) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (acc) {
            c00 = load(c, cIdx);
            c01 = load(c, cIdx + L);
            c10 = load(c, cIdx + ldc);
            c11 = load(c, cIdx + ldc + L);
            c20 = load(c, cIdx + 2 * ldc);
            c21 = load(c, cIdx + 2 * ldc + L);
            c30 = load(c, cIdx + 3 * ldc);
            c31 = load(c, cIdx + 3 * ldc + L);
            c40 = load(c, cIdx + 4 * ldc);
            c41 = load(c, cIdx + 4 * ldc + L);
            c50 = load(c, cIdx + 5 * ldc);
            c51 = load(c, cIdx + 5 * ldc + L);
            c60 = load(c, cIdx + 6 * ldc);
            c61 = load(c, cIdx + 6 * ldc + L);
            c70 = load(c, cIdx + 7 * ldc);
            c71 = load(c, cIdx + 7 * ldc + L);
        } else {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = FloatVector.zero(S);
            c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = FloatVector.zero(S);
        }
        for (int ai = 0, bi = bIdx; ai < kc; ai++, bi += NR) {
            FloatVector b0 = load(bp, bi);
            FloatVector b1 = load(bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ai + 1 * KC]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ai + 2 * KC]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ai + 3 * KC]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[ai + 4 * KC]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[ai + 5 * KC]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[ai + 6 * KC]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[ai + 7 * KC]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, cIdx);
        c01.intoArray(c, cIdx + L);
        c10.intoArray(c, cIdx + ldc);
        c11.intoArray(c, cIdx + ldc + L);
        c20.intoArray(c, cIdx + 2 * ldc);
        c21.intoArray(c, cIdx + 2 * ldc + L);
        c30.intoArray(c, cIdx + 3 * ldc);
        c31.intoArray(c, cIdx + 3 * ldc + L);
        c40.intoArray(c, cIdx + 4 * ldc);
        c41.intoArray(c, cIdx + 4 * ldc + L);
        c50.intoArray(c, cIdx + 5 * ldc);
        c51.intoArray(c, cIdx + 5 * ldc + L);
        c60.intoArray(c, cIdx + 6 * ldc);
        c61.intoArray(c, cIdx + 6 * ldc + L);
        c70.intoArray(c, cIdx + 7 * ldc);
        c71.intoArray(c, cIdx + 7 * ldc + L);
    }

    private static FloatVector load(float[] x, int i) {
        return FloatVector.fromArray(S, x, i);
    }
}
