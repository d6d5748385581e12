package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.nn.Activation;
import org.occam.nn.Losses;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** The matrix-free Gauss-Newton product against J_fᵀ ∇²L J_f built from dense Jacobians. */
class GaussNewtonTest {

    @Test
    void matchesBruteForceOnMlpCrossEntropy() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        Params p = pr.p();
        int m = p.numel();
        Function<Params, Tensor> outputs = q -> pr.model().apply(q, pr.x());
        Function<Tensor, Tensor> outputLoss = z -> Losses.crossEntropy(z, pr.y());
        Tensor z = outputs.apply(p);
        int n = z.numel();
        // J [n, m] of the flattened outputs, ∇²L [n, n] in output space
        Tensor j = Autodiff.jacobian(vec -> outputs.apply(p.unflatten(vec)).reshape(n), p.flatten());
        Function<Tensor, Tensor> gradL = Autodiff.gradTensor(outputLoss);
        Tensor hl = Autodiff.jacobian(zz -> gradL.apply(zz.reshape(z.shape())).reshape(n), z.reshape(n));
        Tensor g = j.t().matmul(hl).matmul(j);

        LinearOperator op = Hessians.gaussNewton(outputs, outputLoss, p);
        double[][] dense = Hessians.denseMatrix(op);
        assertEquals(m, op.applications());
        double scale = Math.abs(g.max().item());
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                assertEquals(g.get(r, c), dense[r][c], 1e-12 * scale, "G[" + r + "," + c + "]");
            }
        }
        // a one-off product agrees too
        Params v = p.map(t -> Rng.seed(5).normal(t.dtype(), 0, 1, t.shape()));
        double[] gv = Hessians.gaussNewtonVectorProduct(outputs, outputLoss, p, v).flatten().toDoubleArray();
        assertArrayEquals(g.matmul(v.flatten()).toDoubleArray(), gv, 1e-12 * scale * Math.sqrt(m));
        // cross-entropy is convex in the logits, so G is positive semi-definite while H is not
        Spectrum gs = Hessians.dense(op);
        assertTrue(gs.eigenvalue(m - 1) > -1e-12 * gs.eigenvalue(0));
        Spectrum hs = Hessians.dense(pr.loss(), p);
        assertTrue(hs.eigenvalue(m - 1) < -1e-3, "the Hessian keeps the negative network-curvature term");
    }

    /** For MSE on a model linear in its parameters the dropped term vanishes: G = H exactly. */
    @Test
    void equalsHessianForLinearModelWithMse() {
        Rng rng = Rng.seed(3);
        Sequential model = Models.mlp(Activation.TANH, 4, 3); // a single Linear layer: f = Wx + b
        Params p = model.init(rng, MeasureFixtures.F64);
        Tensor x = rng.normal(MeasureFixtures.F64, 0, 1, 10, 4);
        Tensor target = rng.normal(MeasureFixtures.F64, 0, 1, 10, 3);
        Function<Params, Tensor> outputs = q -> model.apply(q, x);
        Function<Tensor, Tensor> mse = zz -> Losses.mse(zz, target);
        double[][] g = Hessians.denseMatrix(Hessians.gaussNewton(outputs, mse, p));
        double[][] h = Hessians.denseMatrix(LinearOperator.hessian(q -> mse.apply(outputs.apply(q)), p));
        double norm = 0;
        for (int r = 0; r < g.length; r++) {
            for (int c = 0; c < g.length; c++) {
                assertEquals(h[r][c], g[r][c], 1e-13, "G[" + r + "," + c + "]");
                norm += h[r][c] * h[r][c];
            }
        }
        assertTrue(norm > 0.1, "the Hessian is not trivially zero");
        // and the Lanczos top eigenvalue of G equals that of H
        Spectrum top = Hessians.lanczos(Hessians.gaussNewton(model, p, x, mse), 1, 15, Rng.seed(1));
        assertEquals(SymmetricEigen.of(h).values()[0], top.eigenvalue(0), 1e-10);
    }
}
