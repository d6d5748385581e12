package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.nn.Losses;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Converged Lanczos on the matrix-free GGN against the eigenvalues of J_fᵀ ∇²L J_f built densely (issue 15 §1). */
class GaussNewtonSpectrumTest {

    @Test
    void topEigenvaluesMatchDenseGgn() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        Params p = pr.p();
        Function<Params, Tensor> outputs = q -> pr.model().apply(q, pr.x());
        Function<Tensor, Tensor> outputLoss = z -> Losses.crossEntropy(z, pr.y());
        Tensor z = outputs.apply(p);
        int n = z.numel();
        int m = p.numel();
        Tensor j = Autodiff.jacobian(vec -> outputs.apply(p.unflatten(vec)).reshape(n), p.flatten());
        Function<Tensor, Tensor> gradL = Autodiff.gradTensor(outputLoss);
        Tensor hl = Autodiff.jacobian(zz -> gradL.apply(zz.reshape(z.shape())).reshape(n), z.reshape(n));
        double[] g = j.t().matmul(hl).matmul(j).toDoubleArray();
        double[][] dense = new double[m][m];
        for (int r = 0; r < m; r++) {
            System.arraycopy(g, r * m, dense[r], 0, m);
        }
        double[] exact = SymmetricEigen.of(dense).values();

        Eigenpairs e = Hessians.eigenpairs(Hessians.gaussNewton(outputs, outputLoss, p), 5, 0, new Tolerance(1e-6, 200),
                Rng.seed(4));
        assertTrue(e.converged(), e.warning());
        for (int i = 0; i < 5; i++) {
            assertTrue(MeasureFixtures.relErr(exact[i], e.top().eigenvalue(i)) <= 1e-6,
                    "GGN " + i + ": dense " + exact[i] + " lanczos " + e.top().eigenvalue(i));
        }
        // the GGN differs from the Hessian here: its spectrum is not the Hessian's
        double hTop = Hessians.dense(pr.loss(), p).eigenvalue(0);
        assertTrue(MeasureFixtures.relErr(hTop, exact[0]) > 1e-3, "H and G top eigenvalues coincide: " + hTop);
    }
}
