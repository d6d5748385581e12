package org.occam.tensor;

import org.occam.tensor.kernel.Matmul;
import org.occam.tensor.kernel.Strided;

/** Differentiable (batched, broadcasting) matrix product on the GEMM kernel. */
final class MatmulOps {
    private MatmulOps() {
    }

    /** NumPy matmul semantics: 1-D operands are promoted and the added axis removed again. */
    static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException("matmul needs tensors of rank >= 1, got shapes "
                    + Shape.str(a.shapeRef()) + " and " + Shape.str(b.shapeRef()));
        }
        Tensor a2 = a.rank() == 1 ? ViewOps.unsqueeze(a, 0) : a;
        Tensor b2 = b.rank() == 1 ? ViewOps.unsqueeze(b, 1) : b;
        Tensor out = mm(a2, b2);
        if (b.rank() == 1) {
            out = ViewOps.squeeze(out, -1);
        }
        if (a.rank() == 1) {
            out = ViewOps.squeeze(out, b.rank() == 1 ? -1 : -2);
        }
        return out;
    }

    /** [..., M, K] x [..., K, N] with broadcast batch axes. */
    static Tensor mm(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("matmul: dtype mismatch, " + a.dtype() + " " + Shape.str(a.shapeRef())
                    + " vs " + b.dtype() + " " + Shape.str(b.shapeRef()));
        }
        int ra = a.rank();
        int rb = b.rank();
        int m = a.shapeRef()[ra - 2];
        int k = a.shapeRef()[ra - 1];
        int k2 = b.shapeRef()[rb - 2];
        int n = b.shapeRef()[rb - 1];
        if (k != k2) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, shapes " + Shape.str(a.shapeRef())
                    + " and " + Shape.str(b.shapeRef()) + " (" + k + " vs " + k2 + ")");
        }
        int[] batch = Shape.broadcast(java.util.Arrays.copyOf(a.shapeRef(), ra - 2),
                java.util.Arrays.copyOf(b.shapeRef(), rb - 2));
        int[] outShape = java.util.Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Tensor out = Tensor.from(Matmul.batched(a.buffer(), b.buffer(), batch, m, n, k));
        if (!Shape.same(out.shapeRef(), outShape)) {
            // batch axes both operands broadcast: computed once
            out = Tensor.from(Strided.expandView(out.buffer(), outShape));
        }
        return Node.record("matmul", out, g -> new Tensor[] {
            BinaryOps.need(a, () -> ViewOps.sumTo(productLike(g, ViewOps.transpose(b, -2, -1), a), a)),
            BinaryOps.need(b, () -> ViewOps.sumTo(productLike(ViewOps.transpose(a, -2, -1), g, b), b))}, a, b);
    }

    /**
     * x·y laid out like {@code like}: when like is a transposed view of a contiguous matrix (as
     * W.t() in a linear layer), computes (yᵀ·xᵀ)ᵀ so that the gradient reaching W is contiguous.
     */
    private static Tensor productLike(Tensor x, Tensor y, Tensor like) {
        if (like.rank() == 2 && x.rank() == 2 && y.rank() == 2 && isTransposedMatrix(like)) {
            return ViewOps.transpose(mm(ViewOps.transpose(y, 0, 1), ViewOps.transpose(x, 0, 1)), 0, 1);
        }
        return mm(x, y);
    }

    private static boolean isTransposedMatrix(Tensor t) {
        int[] s = t.shapeRef();
        int[] st = t.stridesRef();
        return s[0] > 1 && s[1] > 1 && st[0] == 1 && st[1] == s[0];
    }
}
