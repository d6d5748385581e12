package org.occam.tensor;

import org.occam.tensor.kernel.Conv;
import org.occam.tensor.kernel.Im2col;
import org.occam.tensor.kernel.Pooling;

/** Convolution (a bilinear op with its two adjoints) and pooling (an argmax gather, and im2col columns for the average). */
final class ConvOps {
    private ConvOps() {
    }

    static Tensor unfold(Tensor x, int kh, int kw, int stride, int pad, double padValue) {
        int[] s = x.shape();
        return Node.record("im2col", Tensor.from(Im2col.unfold(x.buffer(), kh, kw, stride, pad, padValue)),
                g -> new Tensor[] {fold(g, s[1], s[2], s[3], kh, kw, stride, pad)}, x);
    }

    static Tensor fold(Tensor cols, int c, int h, int w, int kh, int kw, int stride, int pad) {
        return Node.record("col2im", Tensor.from(Im2col.fold(cols.buffer(), c, h, w, kh, kw, stride, pad)),
                g -> new Tensor[] {unfold(g, kh, kw, stride, pad, 0)}, cols);
    }

    /** PyTorch conv2d: x [N,C,H,W], weight [O,C,kh,kw], optional bias [O]. */
    static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int pad) {
        checkImage("conv2d", x);
        if (weight.rank() != 4 || weight.shapeRef()[1] != x.shapeRef()[1]) {
            throw new IllegalArgumentException("conv2d: weight shape " + Shape.str(weight.shapeRef())
                    + " must be [out, " + x.shapeRef()[1] + ", kh, kw] for input " + Shape.str(x.shapeRef()));
        }
        if (weight.dtype() != x.dtype()) {
            throw new IllegalArgumentException("conv2d: weight is " + weight.dtype() + " but input is " + x.dtype()
                    + " (convert one with .to(dtype))");
        }
        int[] ws = weight.shapeRef();
        int ho = Im2col.outSize(x.shapeRef()[2], ws[2], stride, pad);
        int wo = Im2col.outSize(x.shapeRef()[3], ws[3], stride, pad);
        checkOut("conv2d", x, ws[2], ws[3], ho, wo);
        Tensor out = convolve(x, weight, stride, pad);
        if (bias != null) {
            out = out.add(ViewOps.reshape(bias, 1, ws[0], 1, 1));
        }
        return out;
    }

    /**
     * y = conv(x, W) without bias. It and its two adjoints below are bilinear, and each one's
     * derivatives are the other two, so the three ops close under differentiation.
     */
    private static Tensor convolve(Tensor x, Tensor w, int stride, int pad) {
        int[] xs = x.shape();
        int[] ws = w.shape();
        return Node.record("conv2d", Tensor.from(Conv.forward(x.buffer(), w.buffer(), stride, pad)), g -> new Tensor[] {
            BinaryOps.need(x, () -> convInputGrad(g, w, xs[2], xs[3], stride, pad)),
            BinaryOps.need(w, () -> convWeightGrad(x, g, ws[2], ws[3], stride, pad))}, x, w);
    }

    /** dx = fold(Wᵀ dy): linear in dy (its adjoint is conv with W) and in W (its adjoint is the weight gradient). */
    private static Tensor convInputGrad(Tensor dy, Tensor w, int h, int wIn, int stride, int pad) {
        int[] ws = w.shape();
        Tensor out = Tensor.from(Conv.inputGrad(dy.buffer(), w.buffer(), h, wIn, stride, pad));
        return Node.record("conv2d_input_grad", out, u -> new Tensor[] {
            BinaryOps.need(dy, () -> convolve(u, w, stride, pad)),
            BinaryOps.need(w, () -> convWeightGrad(u, dy, ws[2], ws[3], stride, pad))}, dy, w);
    }

    /** dW = Σ_n dy[n] unfold(x[n])ᵀ: linear in x (adjoint: the input gradient) and in dy (adjoint: conv). */
    private static Tensor convWeightGrad(Tensor x, Tensor dy, int kh, int kw, int stride, int pad) {
        int[] xs = x.shape();
        Tensor out = Tensor.from(Conv.weightGrad(x.buffer(), dy.buffer(), kh, kw, stride, pad));
        return Node.record("conv2d_weight_grad", out, v -> new Tensor[] {
            BinaryOps.need(x, () -> convInputGrad(dy, v, xs[2], xs[3], stride, pad)),
            BinaryOps.need(dy, () -> convolve(x, v, stride, pad))}, x, dy);
    }

    /**
     * PyTorch max_pool2d: each output takes its window's first maximum, and the backward pass
     * scatters the gradient to that one pixel. The scatter's own backward is the gather through
     * the same indices, so derivatives of every order follow the recorded argmax.
     */
    static Tensor maxPool2d(Tensor x, int k, int stride, int pad) {
        checkImage("max_pool2d", x);
        if (pad < 0 || 2 * pad > k) {
            throw new IllegalArgumentException("max_pool2d: padding " + pad + " must be between 0 and half the kernel size "
                    + k + " (a window of padding alone has no maximum)");
        }
        int[] s = x.shape();
        int ho = Im2col.outSize(s[2], k, stride, pad);
        int wo = Im2col.outSize(s[3], k, stride, pad);
        checkOut("max_pool2d", x, k, k, ho, wo);
        Pooling.Argmax r = Pooling.maxPool(x.buffer(), k, stride, pad);
        int[] planes = {s[0] * s[1], s[2] * s[3]};
        return Node.record("max_pool2d", Tensor.from(r.values()), g -> new Tensor[] {ViewOps.reshape(
                IndexOps.scatterAdd(ViewOps.reshape(g, planes[0], ho * wo), 1, r.index(), planes), s)}, x);
    }

    /** Average pooling counting padded zeros (PyTorch's count_include_pad=True): the mean of im2col columns. */
    static Tensor avgPool2d(Tensor x, int k, int stride, int pad) {
        checkImage("avg_pool2d", x);
        int[] s = x.shapeRef();
        int ho = Im2col.outSize(s[2], k, stride, pad);
        int wo = Im2col.outSize(s[3], k, stride, pad);
        checkOut("avg_pool2d", x, k, k, ho, wo);
        Tensor planes = ViewOps.reshape(x, s[0] * s[1], 1, s[2], s[3]);
        Tensor r = ReduceOps.mean(unfold(planes, k, k, stride, pad, 0), false, 1);
        return ViewOps.reshape(r, s[0], s[1], ho, wo);
    }

    private static void checkImage(String op, Tensor x) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(op + " expects input [N, C, H, W], got shape " + Shape.str(x.shapeRef()));
        }
    }

    private static void checkOut(String op, Tensor x, int kh, int kw, int ho, int wo) {
        if (ho <= 0 || wo <= 0) {
            throw new IllegalArgumentException(op + ": kernel " + kh + "x" + kw + " does not fit input "
                    + Shape.str(x.shapeRef()));
        }
    }
}
