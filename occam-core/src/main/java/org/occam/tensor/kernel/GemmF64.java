package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fp64 implementation behind {@link Gemm#dgemm}: packed operands and a register-blocked
 * {@value #MR}×(2 vectors) micro-kernel on the Vector API ({@link DoubleVector#SPECIES_PREFERRED},
 * so the tile is 8 rows by two vectors of lanes: 16 doubles or 32 floats wide with AVX-512).
 *
 * <p>For each column block (≤ NC columns) and depth block (≤ KC): B's block is packed once into
 * NR-wide panels (in parallel over panels); then tasks of {@link GemmPlan} each pack an MR-row
 * micro-panel of A at a time (L1-resident) and sweep it across all their B panels (L2-resident),
 * one micro-tile of C at a time. Edge tiles run the same kernel on zero-padded operands into a
 * scratch tile.
 *
 * <p>Template: its float twin is generated from this file by occam-core/pom.xml (twins); edit this file only.
 */
final class GemmF64 {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Lanes of one vector. */
    private static final int L = S.length();
    /** Rows of the micro-tile (accumulators = 2·MR vectors: 16 of the 32 zmm registers). */
    static final int MR = 8;
    /** Columns of the micro-tile: two vectors. */
    static final int NR = 2 * L;
    /** Largest depth block: one MR×KC micro-panel of A stays in L1. */
    private static final int KC = 256;
    /** Largest column block (the packed KC×NC block of B is streamed from L2/L3 by the kernel). */
    private static final int NC = 1024;
    /** Rows of B read per column in one go when packing a strided B (one cache line). */
    private static final int STRIP = 64 / Double.BYTES;
    /** B panels packed per parallel task. */
    private static final int PACK_PANELS = 4;
    /** Column chunk of a parallel row-wise product. */
    private static final int ROW_COLS = 256;
    /** Multiply-adds from which a row-wise product runs in parallel. */
    private static final long ROW_PARALLEL_MIN = 1L << 17;
    /** Preferred task height in rows. */
    private static final int TASK_ROWS = 8 * MR;

    private GemmF64() {
    }

    /** Per-thread buffers of the tasks, allocated once at their largest size. */
    private static final class Buffers {
        /** One packed micro-panel of A: MR rows of kc at a stride of KC. */
        final double[] a = new double[MR * KC];
        /** Scratch micro-tile for the edges of C. */
        final double[] tile = new double[MR * NR];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /**
     * Per-calling-thread packed KC×NC block of B (NR-column panels, each kc rows of NR), shared
     * read-only with the helper threads while the tasks of one block run.
     */
    private static final ThreadLocal<double[]> PACKED_B = ThreadLocal.withInitial(() -> new double[KC * NC]);

    /** Most elements of A packed whole per call by {@link #packsAOften}. */
    private static final int PACKED_A_MAX = 1 << 18;

    /** Per-calling-thread buffer of A packed whole (see {@link #packsAOften}), read by the helpers. */
    private static final ThreadLocal<double[]> PACKED_A = ThreadLocal.withInitial(() -> new double[PACKED_A_MAX]);

    /**
     * Products with few rows, see {@link Gemm#dgemm}: no packing; each row of C accumulates
     * a[i,p]·(row p of B) for p in order (all rows of C per row of B, so B is read once), in
     * parallel over fixed chunks of {@value #ROW_COLS} columns when the product is big enough.
     */
    static void rowwise(int m, int n, int k, double[] a, int aOff, int aRs, int aCs,
                        double[] b, int bOff, int bRs, int bCs, double[] c, int cOff, int ldc, boolean accumulate) {
        int cols = (long) m * n * k < ROW_PARALLEL_MIN ? n : ROW_COLS;
        Parallel.forRange(n, cols, (j0, j1) -> {
            for (int i = 0; i < m && !accumulate; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc + j0, cOff + i * ldc + j1, 0d);
            }
            for (int p = 0; p < k; p++) {
                int bi = bOff + p * bRs + j0 * bCs;
                for (int i = 0; i < m; i++) {
                    axpy(a[aOff + i * aRs + p * aCs], b, bi, bCs, c, cOff + i * ldc + j0, j1 - j0);
                }
            }
        });
    }

    /** c[ci + j] = fma(x, b[bi + j*bCs], c[ci + j]) for j in [0, n); vector and scalar lanes agree. */
    private static void axpy(double x, double[] b, int bi, int bCs, double[] c, int ci, int n) {
        int j = 0;
        if (bCs == 1) {
            DoubleVector xv = DoubleVector.broadcast(S, x);
            for (; j <= n - L; j += L) {
                xv.fma(load(b, bi + j), load(c, ci + j)).intoArray(c, ci + j);
            }
        }
        for (; j < n; j++) {
            c[ci + j] = Math.fma(x, b[bi + j * bCs], c[ci + j]);
        }
    }

    /**
     * A source of B that writes its own packed panels: {@link #pack} fills NR-column panels
     * [p0, p1) of the kc×nc block of B at depth pc and column jc into bp, in {@link #packB}'s
     * layout (column jc + j, row pc + p at bp[(j / NR)*kc*NR + p*NR + j % NR], columns past nc
     * zero). Lets a caller pack straight from its own data (an image unfolded on the fly) instead
     * of materialising B first.
     */
    @FunctionalInterface
    interface PanelSource {
        void pack(int pc, int kc, int jc, int nc, double[] bp, int p0, int p1);
    }

    /**
     * Blocked, packed and parallel product, see {@link Gemm#dgemm}; requires m, n, k > 0. An operand
     * marked by {@link PackedOperands#markConstant} is packed once per view and its panels reused.
     */
    static void blocked(int m, int n, int k, double[] a, int aOff, int aRs, int aCs,
                        double[] b, int bOff, int bRs, int bCs, double[] c, int cOff, int ldc, boolean accumulate) {
        GemmPlan plan = plan(m, n, k);
        Object cached = PackedOperands.packed(a, new PackedOperands.View(false, aOff, aRs, aCs, m, k),
                () -> packWholeA(plan, m, k, a, aOff, aRs, aCs, null));
        double[] pa = (double[]) cached;
        double[] pb = (double[]) PackedOperands.packed(b, new PackedOperands.View(true, bOff, bRs, bCs, k, n),
                () -> packWholeB(plan, n, k, b, bOff, bRs, bCs));
        if (pa == null && packsAOften(plan, m, n, k)) {
            pa = packWholeA(plan, m, k, a, aOff, aRs, aCs, PACKED_A.get());
        }
        run(plan, m, n, k, a, aOff, aRs, aCs, pa,
                (pc, kc, jc, nc, bp, p0, p1) -> packB(b, bOff + pc * bRs + jc * bCs, bRs, bCs, kc, nc, bp, 0, p0, p1),
                pb, c, cOff, ldc, accumulate);
    }

    /**
     * The blocked product with B given by the panels its source packs (same blocking, same
     * kernel, so the same bits as {@link #blocked} on the materialised B); requires m, n, k > 0.
     */
    static void blocked(int m, int n, int k, double[] a, int aOff, int aRs, int aCs, PanelSource b,
                        double[] c, int cOff, int ldc, boolean accumulate) {
        run(plan(m, n, k), m, n, k, a, aOff, aRs, aCs, null, b, null, c, cOff, ldc, accumulate);
    }

    private static GemmPlan plan(int m, int n, int k) {
        return new GemmPlan(m, n, k, MR, NR, KC, NC, TASK_ROWS);
    }

    /**
     * The blocked loops. pa, when not null, holds all of A packed by {@link #packWholeA} (else each
     * task packs its micro-panels); pb, when not null, all of B packed by {@link #packWholeB} (else
     * b packs each block into the thread's buffer).
     */
    private static void run(GemmPlan plan, int m, int n, int k, double[] a, int aOff, int aRs, int aCs, double[] pa,
                            PanelSource b, double[] pb, double[] c, int cOff, int ldc, boolean accumulate) {
        double[] bp = pb != null ? pb : PACKED_B.get();
        int panelsM = GemmPlan.ceilDiv(m, MR);
        int bAt = 0;
        for (int jc = 0; jc < n; jc += plan.nc) {
            int nc = Math.min(plan.nc, n - jc);
            for (int pc = 0; pc < k; pc += plan.kc) {
                int kc = Math.min(plan.kc, k - pc);
                int col = jc;
                int depth = pc;
                if (pb == null) {
                    Parallel.forRange(GemmPlan.ceilDiv(nc, NR), PACK_PANELS, (p0, p1) -> b.pack(depth, kc, col, nc, bp, p0, p1));
                }
                int bBase = pb == null ? 0 : bAt;
                int aPanel = (pc / plan.kc) * panelsM;
                int aBase = aOff + pc * aCs;
                int cBase = cOff + jc;
                boolean acc = accumulate || pc > 0;
                int colTasks = GemmPlan.ceilDiv(nc, plan.taskCols);
                Parallel.forRange(plan.tasks(m, nc), 1, (from, to) -> {
                    for (int t = from; t < to; t++) {
                        int i0 = (t / colTasks) * plan.taskRows;
                        int j0 = (t % colTasks) * plan.taskCols;
                        block(i0, Math.min(m, i0 + plan.taskRows), j0, Math.min(nc, j0 + plan.taskCols), kc,
                                a, aBase, aRs, aCs, pa, aPanel, bp, bBase, c, cBase, ldc, acc);
                    }
                });
                bAt += GemmPlan.ceilDiv(nc, NR) * NR * kc;
            }
        }
    }

    /**
     * All of the m×k matrix A packed as {@link #run} reads it: for depth block q and row panel r,
     * {@link #packA}'s MR×KC micro-panel at ((q·panels + r)·MR·KC), panels = ceil(m / MR).
     */
    private static double[] packWholeA(GemmPlan plan, int m, int k, double[] a, int aOff, int aRs, int aCs,
                                       double[] into) {
        int panelsM = GemmPlan.ceilDiv(m, MR);
        int blocks = GemmPlan.ceilDiv(k, plan.kc);
        int size = blocks * panelsM * MR * KC;
        double[] pa = into != null && into.length >= size ? into : new double[size];
        Parallel.forRange(blocks * panelsM, PACK_PANELS, (t0, t1) -> {
            for (int t = t0; t < t1; t++) {
                int q = t / panelsM;
                int r = t % panelsM;
                int pc = q * plan.kc;
                packA(a, aOff + pc * aCs + r * MR * aRs, aRs, aCs, Math.min(MR, m - r * MR),
                        Math.min(plan.kc, k - pc), pa, t * MR * KC);
            }
        });
        return pa;
    }

    /**
     * Whether the tasks would pack A's micro-panels more than once (several column blocks, or
     * several column tasks per block) while all of A packed fits {@link #PACKED_A_MAX}: then A is
     * packed once, whole, per call (a copy either way, so the same bits).
     */
    private static boolean packsAOften(GemmPlan plan, int m, int n, int k) {
        boolean repeated = n > plan.nc || plan.taskCols < Math.min(n, plan.nc);
        return repeated && (long) GemmPlan.ceilDiv(k, plan.kc) * GemmPlan.ceilDiv(m, MR) * MR * KC <= PACKED_A_MAX;
    }

    /**
     * All of the k×n matrix B packed as {@link #run} reads it: each (column block, depth block) in
     * loop order, as {@link #packB} lays it out, one after the other.
     */
    private static double[] packWholeB(GemmPlan plan, int n, int k, double[] b, int bOff, int bRs, int bCs) {
        int size = 0;
        for (int jc = 0; jc < n; jc += plan.nc) {
            size += GemmPlan.ceilDiv(Math.min(plan.nc, n - jc), NR) * NR * k;
        }
        double[] pb = new double[size];
        int at = 0;
        for (int jc = 0; jc < n; jc += plan.nc) {
            int nc = Math.min(plan.nc, n - jc);
            for (int pc = 0; pc < k; pc += plan.kc) {
                int kc = Math.min(plan.kc, k - pc);
                int panels = GemmPlan.ceilDiv(nc, NR);
                packB(b, bOff + pc * bRs + jc * bCs, bRs, bCs, kc, nc, pb, at, 0, panels);
                at += panels * NR * kc;
            }
        }
        return pb;
    }

    /**
     * Computes rows [i0, i1) × columns [j0, j1) of one (column block, depth block): C is at
     * c[cBase + i*ldc + j], A's block starts at a[aBase + i*aRs] (or, packed whole, its micro-panel
     * i / MR at pa[(aPanel + i / MR)·MR·KC]), bp holds the packed B block from bBase.
     */
    private static void block(int i0, int i1, int j0, int j1, int kc, double[] a, int aBase, int aRs, int aCs,
                              double[] pa, int aPanel, double[] bp, int bBase, double[] c, int cBase, int ldc,
                              boolean acc) {
        Buffers buf = BUFFERS.get();
        for (int i = i0; i < i1; i += MR) {
            int mr = Math.min(MR, i1 - i);
            double[] ap = buf.a;
            int apAt = 0;
            if (pa != null) {
                ap = pa;
                apAt = (aPanel + i / MR) * MR * KC;
            } else {
                packA(a, aBase + i * aRs, aRs, aCs, mr, kc, ap, 0);
            }
            for (int j = j0; j < j1; j += NR) {
                int nr = Math.min(NR, j1 - j);
                int cIdx = cBase + i * ldc + j;
                int bIdx = bBase + j * kc;
                if (mr == MR && nr == NR) {
                    kernel(kc, ap, apAt, bp, bIdx, c, cIdx, ldc, acc);
                } else {
                    edgeTile(kc, ap, apAt, bp, bIdx, c, cIdx, ldc, mr, nr, acc, buf.tile);
                }
            }
        }
    }

    /**
     * A partial mr×nr tile: the full kernel runs on a scratch tile (same operations, so the
     * same bits), then the valid part is copied to C.
     */
    private static void edgeTile(int kc, double[] ap, int apAt, double[] bp, int bIdx, double[] c, int cIdx, int ldc,
                                 int mr, int nr, boolean acc, double[] tile) {
        if (acc) {
            for (int i = 0; i < mr; i++) {
                System.arraycopy(c, cIdx + i * ldc, tile, i * NR, nr);
            }
        }
        kernel(kc, ap, apAt, bp, bIdx, tile, 0, NR, acc);
        for (int i = 0; i < mr; i++) {
            System.arraycopy(tile, i * NR, c, cIdx + i * ldc, nr);
        }
    }

    /**
     * Packs mr rows × kc columns of A (element (i, p) at a[base + i*aRs + p*aCs]) as ap[at + i*KC + p]:
     * each row contiguous at a fixed stride, so the kernel addresses rows with constant offsets.
     * Rows mr..MR are zero. Reads along whichever stride of A is shorter.
     */
    private static void packA(double[] a, int base, int aRs, int aCs, int mr, int kc, double[] ap, int at) {
        if (aCs == 1) {
            for (int i = 0; i < mr; i++) {
                System.arraycopy(a, base + i * aRs, ap, at + i * KC, kc);
            }
        } else if (Math.abs(aRs) <= Math.abs(aCs)) {
            for (int p = 0; p < kc; p++) {
                for (int i = 0, src = base + p * aCs; i < mr; i++, src += aRs) {
                    ap[at + i * KC + p] = a[src];
                }
            }
        } else {
            for (int i = 0; i < mr; i++) {
                for (int p = 0, src = base + i * aRs; p < kc; p++, src += aCs) {
                    ap[at + i * KC + p] = a[src];
                }
            }
        }
        for (int i = mr; i < MR; i++) {
            java.util.Arrays.fill(ap, at + i * KC, at + i * KC + kc, 0d);
        }
    }

    /**
     * Packs NR-column panels [p0, p1) of the kc×nc block of B (element (p, j) at
     * b[base + p*bRs + j*bCs]): column j, row p lands at bp[at + (j / NR)*kc*NR + p*NR + j % NR], and
     * the columns past nc of the last panel are zero. Writes are sequential; reads follow B's rows.
     */
    private static void packB(double[] b, int base, int bRs, int bCs, int kc, int nc, double[] bp, int at,
                              int p0, int p1) {
        for (int panel = p0; panel < p1; panel++) {
            int nr = Math.min(NR, nc - panel * NR);
            int src = base + panel * NR * bCs;
            int dst = at + panel * NR * kc;
            if (bCs == 1) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, src + p * bRs, bp, dst + p * NR, nr);
                }
            } else {
                // Strips of STRIP rows: each column's run is read whole while its cache line is in.
                for (int q = 0; q < kc; q += STRIP) {
                    int qEnd = Math.min(kc, q + STRIP);
                    for (int j = 0; j < nr; j++) {
                        for (int p = q, s = src + j * bCs + q * bRs; p < qEnd; p++, s += bRs) {
                            bp[dst + p * NR + j] = b[s];
                        }
                    }
                }
            }
            for (int p = 0; p < kc && nr < NR; p++) {
                java.util.Arrays.fill(bp, dst + p * NR + nr, dst + (p + 1) * NR, 0d);
            }
        }
    }

    /**
     * The micro-kernel: the MR×NR tile at c[cIdx + i*ldc + j] becomes (acc ? tile : 0) plus the
     * product of the packed micro-panels ap (row i at ap[apAt + i*KC]) and bp[bIdx...] (kc×NR). Per step
     * p: two vector loads of B, MR broadcasts of A, 2·MR fused multiply-adds into accumulators
     * that C2 keeps in registers; the loop has no bounds checks left (they are hoisted).
     */
    private static void kernel(int kc, double[] ap, int apAt, double[] bp, int bIdx, double[] c, int cIdx, int ldc,
                               boolean acc) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
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
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = DoubleVector.zero(S);
            c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = DoubleVector.zero(S);
        }
        for (int ai = apAt, aEnd = apAt + kc, bi = bIdx; ai < aEnd; ai++, bi += NR) {
            DoubleVector b0 = load(bp, bi);
            DoubleVector b1 = load(bp, bi + L);
            DoubleVector x = DoubleVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, ap[ai + KC]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, ap[ai + 2 * KC]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, ap[ai + 3 * KC]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, ap[ai + 4 * KC]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, ap[ai + 5 * KC]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(S, ap[ai + 6 * KC]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(S, ap[ai + 7 * KC]);
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

    private static DoubleVector load(double[] x, int i) {
        return DoubleVector.fromArray(S, x, i);
    }
}
