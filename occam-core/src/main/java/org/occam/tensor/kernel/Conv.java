package org.occam.tensor.kernel;

/**
 * 2-D convolution (PyTorch's cross-correlation) and its two adjoints, one image at a time: each
 * image's columns [C*kh*kw, Ho*Wo] are either packed panel by panel straight into the GEMM's
 * packed B ({@link Im2colF64#packColumns}, {@link Im2colF64#packColumnsT}: the forward and the
 * weight gradient, on the shapes where that measured faster) or unfolded into a per-thread column
 * buffer (never the whole batch; see {@link Scratch}) and multiplied by the weight matrix with
 * {@link Gemm}. Both give the same packed values to the same kernel, so the same bits.
 *
 * <p>x [N, C, H, W], w [O, C, kh, kw], y [N, O, Ho, Wo]. Images run in parallel; the weight
 * gradient sums over images in fixed groups whose partial sums are added in group order, so every
 * result is bit-identical for any thread count.
 */
public final class Conv {
    /** Output positions from which the weight gradient packs its columns straight from the image. */
    static final int PACK_MIN_POSITIONS = 128;
    /** Images per partial sum of the weight gradient (fixed, so the summation order is too). */
    static final int WEIGHT_GRAD_GROUP = 8;

    private Conv() {
    }

    /** The geometry of one convolution. */
    private record Geom(int n, int c, int h, int w, int o, int kh, int kw, int stride, int pad, int ho, int wo) {
        int rows() {
            return c * kh * kw;
        }

        int l() {
            return ho * wo;
        }

        /** A 1×1, stride-1, unpadded kernel reads the image itself as its column matrix. */
        boolean pointwise() {
            return kh == 1 && kw == 1 && stride == 1 && pad == 0;
        }

        /**
         * Whether the forward product unfolds the image straight into the GEMM's packed B (the
         * blocked kernel, more than {@link Gemm#ROWWISE_MAX_ROWS} output channels) instead of into
         * a column buffer: the same packed values, so the same bits. Measured (ConvPackBenchMain,
         * batch 128, float32) it pays where each packed panel is whole output rows of a stride-1
         * convolution (ResNet's 32×32 stage: 16.0 → 10.4 ms) and loses where panels cut output rows
         * (stride 2, 28×28, 14×14), whose short runs cost more than the copy they save. Nor where
         * the unfold is one shifted copy per plane (stride 1, wo = w: {@link Im2colF64#unfold}),
         * which measured faster again (ResNet's 32×32 stage: unfold then GEMM 8.5 ms, packed 10.9).
         */
        boolean packsForward(int nr) {
            return !pointwise() && !Gemm.isRowwise(o) && stride == 1 && wo % nr == 0 && wo != w;
        }

        /**
         * Whether the weight-gradient product packs the transposed columns straight from the image
         * (same bits): measured faster from PACK_MIN_POSITIONS output positions up
         * (16×32×32: 23.9 → 17.6 ms at batch 128, CNN 16×14×14 5×5: 21.0 → 18.2), not on 8×8 maps.
         */
        boolean packsWeightGrad() {
            return !pointwise() && !Gemm.isRowwise(o) && l() >= PACK_MIN_POSITIONS;
        }
    }

    private static Geom geom(int[] xs, int[] ws, int stride, int pad) {
        return new Geom(xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3], stride, pad,
                Im2col.outSize(xs[2], ws[2], stride, pad), Im2col.outSize(xs[3], ws[3], stride, pad));
    }

    /** y[n] = W · unfold(x[n]). */
    public static Buffer forward(Buffer x, Buffer w, int stride, int pad) {
        Buffer xd = Strided.dense(x);
        Buffer wd = Strided.dense(w);
        Geom g = geom(xd.shapeRef(), wd.shapeRef(), stride, pad);
        Buffer y = Buffer.zerosLike(xd, g.n(), g.o(), g.ho(), g.wo());
        int rows = g.rows();
        int l = g.l();
        int img = g.c() * g.h() * g.w();
        boolean packs = g.packsForward(Gemm.panelWidth(xd.isDouble()));
        Parallel.forRange(g.n(), 1, (lo, hi) -> {
            Object cols = g.pointwise() || packs ? null : Scratch.get(xd.isDouble(), rows * l);
            for (int i = lo; i < hi; i++) {
                if (packs) {
                    unfoldGemm(false, g.o(), l, rows, data(wd), 0, rows, 1, data(xd), i * img, g, data(y), i * g.o() * l, l,
                            false);
                    continue;
                }
                Object b = g.pointwise() ? data(xd) : cols;
                int bOff = g.pointwise() ? i * img : 0;
                if (!g.pointwise()) {
                    Im2col.unfoldImage(data(xd), i * img, g.c(), g.h(), g.w(), g.kh(), g.kw(), stride, pad, 0, cols, 0);
                }
                gemm(g.o(), l, rows, data(wd), 0, rows, 1, b, bOff, l, 1, data(y), i * g.o() * l, l, false);
            }
        });
        return y;
    }

    /**
     * dx = the adjoint of {@link #forward} in x, for an input of size h×w. A stride-1 convolution
     * whose padding is at most kernel − 1 (square kernels) takes it as a forward convolution of dy
     * with the flipped, transposed kernel ({@link #transposesInputGrad}): dy's columns are unfolded
     * (or packed straight into the GEMM's panels) and the GEMM writes dx itself, with no col2im.
     * Any other shape folds Wᵀ · dy[n] ({@link #inputGradByFold}).
     */
    public static Buffer inputGrad(Buffer dy, Buffer w, int h, int wIn, int stride, int pad) {
        int[] ws = w.shapeRef();
        if (!transposesInputGrad(ws[0], ws[1], ws[2], ws[3], stride, pad)) {
            return inputGradByFold(dy, w, h, wIn, stride, pad);
        }
        Buffer gd = Strided.dense(dy);
        checkOut("input gradient", gd, geom(new int[] {gd.shapeRef()[0], ws[1], h, wIn}, ws, stride, pad));
        return forward(gd, flippedTranspose(Strided.dense(w)), 1, ws[2] - 1 - pad);
    }

    /**
     * Whether the input gradient is taken as the forward convolution of dy with the flipped kernel:
     * stride 1, a square kernel (one padding for both axes) larger than 1×1 (a pointwise kernel
     * folds nothing), padding at most kernel − 1, and no more output than input channels (dy's
     * columns, o·kh·kw rows, are then no larger than the c·kh·kw rows the fold would add up).
     * Measured (InputGradBenchMain, batch 128, float32, one thread, CPU time): ResNet's 16×32×32
     * 16.3 → 11.5 ms, 32×16×16 11.6 → 11.1, 64×8×8 10.0 → 8.6, 256×8×8 107 → 76; the CNN's
     * 16 → 32 channels 5×5 on 14×14 (twice the rows) 12.5 → 20.1, so it keeps the fold.
     */
    static boolean transposesInputGrad(int o, int c, int kh, int kw, int stride, int pad) {
        return stride == 1 && kh == kw && kh > 1 && pad <= kh - 1 && o <= c;
    }

    /** w [O, C, kh, kw] → [C, O, kh, kw] with each kernel rotated by 180°: wt[c, o, i, j] = w[o, c, kh−1−i, kw−1−j]. */
    static Buffer flippedTranspose(Buffer w) {
        int[] s = w.shapeRef();
        int o = s[0], c = s[1], kh = s[2], kw = s[3];
        int taps = kh * kw;
        Buffer t = Buffer.zerosLike(w, c, o, kh, kw);
        for (int oc = 0; oc < o; oc++) {
            for (int ch = 0; ch < c; ch++) {
                int from = (oc * c + ch) * taps;
                int to = (ch * o + oc) * taps + taps - 1;
                if (w.isDouble()) {
                    double[] a = w.doubleData();
                    double[] b = t.doubleData();
                    for (int q = 0; q < taps; q++) {
                        b[to - q] = a[from + q];
                    }
                } else {
                    float[] a = w.floatData();
                    float[] b = t.floatData();
                    for (int q = 0; q < taps; q++) {
                        b[to - q] = a[from + q];
                    }
                }
            }
        }
        return t;
    }

    /** dx[n] = fold(Wᵀ · dy[n]): the adjoint of {@link #forward} in x through a column buffer per image. */
    static Buffer inputGradByFold(Buffer dy, Buffer w, int h, int wIn, int stride, int pad) {
        Buffer gd = Strided.dense(dy);
        Buffer wd = Strided.dense(w);
        int[] ws = wd.shapeRef();
        Geom g = geom(new int[] {gd.shapeRef()[0], ws[1], h, wIn}, ws, stride, pad);
        checkOut("input gradient", gd, g);
        Buffer dx = Buffer.zerosLike(gd, g.n(), g.c(), h, wIn);
        int rows = g.rows();
        int l = g.l();
        int img = g.c() * h * wIn;
        Parallel.forRange(g.n(), 1, (lo, hi) -> {
            Object cols = g.pointwise() ? null : Scratch.get(gd.isDouble(), rows * l);
            for (int i = lo; i < hi; i++) {
                if (g.pointwise()) {
                    gemm(rows, l, g.o(), data(wd), 0, 1, rows, data(gd), i * g.o() * l, l, 1, data(dx), i * img, l, false);
                } else {
                    gemm(rows, l, g.o(), data(wd), 0, 1, rows, data(gd), i * g.o() * l, l, 1, cols, 0, l, false);
                    Im2col.foldImage(cols, 0, g.c(), h, wIn, g.kh(), g.kw(), stride, pad, data(dx), i * img);
                }
            }
        });
        return dx;
    }

    /** dW = Σ_n dy[n] · unfold(x[n])ᵀ: the adjoint of {@link #forward} in W, for a kh×kw kernel. */
    public static Buffer weightGrad(Buffer x, Buffer dy, int kh, int kw, int stride, int pad) {
        Buffer xd = Strided.dense(x);
        Buffer gd = Strided.dense(dy);
        int[] xs = xd.shapeRef();
        Geom g = geom(xs, new int[] {gd.shapeRef()[1], xs[1], kh, kw}, stride, pad);
        checkOut("weight gradient", gd, g);
        int rows = g.rows();
        int l = g.l();
        int img = g.c() * g.h() * g.w();
        int size = g.o() * rows;
        int groups = (g.n() + WEIGHT_GRAD_GROUP - 1) / WEIGHT_GRAD_GROUP;
        Buffer partial = Buffer.zerosLike(xd, Math.max(1, groups), size);
        Parallel.forRange(g.n(), WEIGHT_GRAD_GROUP, (lo, hi) -> {
            Object cols = g.pointwise() || g.packsWeightGrad() ? null : Scratch.get(xd.isDouble(), rows * l);
            for (int i = lo; i < hi; i++) {
                if (g.packsWeightGrad()) {
                    unfoldGemm(true, g.o(), rows, l, data(gd), i * g.o() * l, l, 1, data(xd), i * img, g, data(partial),
                            lo / WEIGHT_GRAD_GROUP * size, rows, i > lo);
                    continue;
                }
                Object b = g.pointwise() ? data(xd) : cols;
                int bOff = g.pointwise() ? i * img : 0;
                if (!g.pointwise()) {
                    Im2col.unfoldImage(data(xd), i * img, g.c(), g.h(), g.w(), kh, kw, stride, pad, 0, cols, 0);
                }
                gemm(g.o(), rows, l, data(gd), i * g.o() * l, l, 1, b, bOff, 1, l, data(partial),
                        lo / WEIGHT_GRAD_GROUP * size, rows, i > lo);
            }
        });
        Buffer dw = Buffer.zerosLike(xd, g.o(), g.c(), kh, kw);
        sumGroups(partial, groups, size, dw);
        return dw;
    }

    private static void checkOut(String what, Buffer dy, Geom g) {
        int[] s = dy.shapeRef();
        if (s.length != 4 || s[2] != g.ho() || s[3] != g.wo()) {
            throw new IllegalArgumentException("conv2d " + what + ": gradient shape " + Dims.str(s) + " does not match "
                    + "the output " + g.ho() + "x" + g.wo() + " of a " + g.kh() + "x" + g.kw() + " kernel on "
                    + g.h() + "x" + g.w());
        }
    }

    /**
     * C = A · B where B is the columns of the image at x[xOff] ({@code transposed}: their
     * transpose), packed panel by panel from the image by {@link Im2colF64#packColumns} or
     * {@link Im2colF64#packColumnsT} and never stored whole.
     */
    private static void unfoldGemm(boolean transposed, int m, int n, int k, Object a, int aOff, int aRs, int aCs,
                                   Object x, int xOff, Geom g, Object c, int cOff, int ldc, boolean accumulate) {
        int ch = g.c();
        int h = g.h();
        int w = g.w();
        int kh = g.kh();
        int kw = g.kw();
        int s = g.stride();
        int pad = g.pad();
        if (a instanceof double[] ad) {
            double[] xs = (double[]) x;
            GemmF64.PanelSource b = transposed
                    ? (pc, kc, jc, nc, bp, p0, p1) ->
                            Im2colF64.packColumnsT(xs, xOff, ch, h, w, kh, kw, s, pad, pc, kc, jc, nc, bp, p0, p1)
                    : (pc, kc, jc, nc, bp, p0, p1) ->
                            Im2colF64.packColumns(xs, xOff, ch, h, w, kh, kw, s, pad, pc, kc, jc, nc, bp, p0, p1);
            GemmF64.blocked(m, n, k, ad, aOff, aRs, aCs, b, (double[]) c, cOff, ldc, accumulate);
        } else {
            float[] xs = (float[]) x;
            GemmF32.PanelSource b = transposed
                    ? (pc, kc, jc, nc, bp, p0, p1) ->
                            Im2colF32.packColumnsT(xs, xOff, ch, h, w, kh, kw, s, pad, pc, kc, jc, nc, bp, p0, p1)
                    : (pc, kc, jc, nc, bp, p0, p1) ->
                            Im2colF32.packColumns(xs, xOff, ch, h, w, kh, kw, s, pad, pc, kc, jc, nc, bp, p0, p1);
            GemmF32.blocked(m, n, k, (float[]) a, aOff, aRs, aCs, b, (float[]) c, cOff, ldc, accumulate);
        }
    }

    private static Object data(Buffer t) {
        return t.isDouble() ? t.doubleData() : t.floatData();
    }

    private static void gemm(int m, int n, int k, Object a, int aOff, int aRs, int aCs, Object b, int bOff, int bRs,
                             int bCs, Object c, int cOff, int ldc, boolean accumulate) {
        if (a instanceof double[] ad) {
            Gemm.dgemm(m, n, k, ad, aOff, aRs, aCs, (double[]) b, bOff, bRs, bCs, (double[]) c, cOff, ldc, accumulate);
        } else {
            Gemm.sgemm(m, n, k, (float[]) a, aOff, aRs, aCs, (float[]) b, bOff, bRs, bCs, (float[]) c, cOff, ldc,
                    accumulate);
        }
    }

    /**
     * dst[i] = Σ_q src[q·size + i], q = 0, 1, … in that order for every i: elements in parallel
     * chunks, the same sum for any thread count.
     */
    private static void sumGroups(Buffer src, int groups, int size, Buffer dst) {
        Parallel.forRange(size, Math.max(1, Unary.GRAIN / Math.max(1, groups)), (lo, hi) -> {
            for (int q = 0; q < groups; q++) {
                int off = q * size;
                if (dst.isDouble()) {
                    double[] a = src.doubleData();
                    double[] d = dst.doubleData();
                    for (int i = lo; i < hi; i++) {
                        d[i] += a[off + i];
                    }
                } else {
                    float[] a = src.floatData();
                    float[] d = dst.floatData();
                    for (int i = lo; i < hi; i++) {
                        d[i] += a[off + i];
                    }
                }
            }
        });
    }
}
