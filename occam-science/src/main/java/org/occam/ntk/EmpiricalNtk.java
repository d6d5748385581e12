package org.occam.ntk;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.measure.SymmetricEigen;
import org.occam.nn.Model;
import org.occam.tensor.Tensor;

/**
 * The empirical NTK of a model on n inputs with k outputs each (docs/ntk.md): the rows of the
 * parameter Jacobian J (one per output entry, row (i, c) at index i·k + c) come from one traced
 * forward pass and one pullback per output entry; the full block kernel is Θ = J Jᵀ, of size
 * nk × nk, with Θ_{(i,c),(j,c')} = ⟨∂f_c(x_i)/∂θ, ∂f_c'(x_j)/∂θ⟩; the trace kernel sums the diagonal
 * blocks over the outputs, Θ^tr_{ij} = Σ_c Θ_{(i,c),(j,c)}, of size n × n.
 */
public final class EmpiricalNtk {
    private EmpiricalNtk() {
    }

    /**
     * J: one row per output entry (in the output's row-major order), one column per parameter (flattened order).
     *
     * @param outputs the network's outputs as a function of the parameters
     * @param p the parameters
     * @return J
     */
    public static double[][] jacobian(Function<Params, Tensor> outputs, Params p) {
        Autodiff.Vjp<Params> v = Autodiff.vjp(outputs, p);
        Tensor out = v.value();
        int m = out.numel();
        double[][] rows = new double[m][];
        for (int r = 0; r < m; r++) {
            double[] e = new double[m];
            e[r] = 1;
            rows[r] = v.pullback().apply(Tensor.of(out.dtype(), e, out.shape())).flatten().toDoubleArray();
        }
        return rows;
    }

    /**
     * The full block kernel Θ = J Jᵀ of the outputs at p.
     *
     * @param outputs the network's outputs as a function of the parameters
     * @param p the parameters
     * @return Θ, nk × nk for n inputs and k outputs
     */
    public static double[][] kernel(Function<Params, Tensor> outputs, Params p) {
        return gram(jacobian(outputs, p));
    }

    /**
     * The full block kernel of a model's outputs on the inputs x.
     *
     * @param model the network
     * @param p the parameters
     * @param x the inputs
     * @return Θ, nk × nk for n inputs and k outputs
     */
    public static double[][] kernel(Model model, Params p, Tensor x) {
        return kernel(q -> model.apply(q, x), p);
    }

    /**
     * The trace kernel Σ_c Θ_{(i,c),(j,c)} of a full block kernel with k outputs per input.
     *
     * @param full the block kernel, nk × nk
     * @param outputs k
     * @return the trace kernel, n × n
     */
    public static double[][] traceKernel(double[][] full, int outputs) {
        if (outputs < 1 || full.length % outputs != 0) {
            throw new IllegalArgumentException("a kernel of size " + full.length + " does not split into blocks of "
                    + outputs + " outputs");
        }
        int n = full.length / outputs;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int c = 0; c < outputs; c++) {
                    t[i][j] += full[i * outputs + c][j * outputs + c];
                }
            }
        }
        return t;
    }

    /**
     * The k largest eigenvalues of a symmetric kernel, largest first.
     *
     * @param kernel a symmetric matrix
     * @param k how many
     * @return the eigenvalues
     */
    public static double[] topEigenvalues(double[][] kernel, int k) {
        double[] all = SymmetricEigen.of(kernel).values();
        double[] out = new double[Math.min(k, all.length)];
        System.arraycopy(all, 0, out, 0, out.length);
        return out;
    }

    /**
     * ‖Θ_t − Θ_0‖_F / ‖Θ_0‖_F.
     *
     * @param kernel Θ_t
     * @param initial Θ_0
     * @return the relative distance
     */
    public static double relativeDistance(double[][] kernel, double[][] initial) {
        if (kernel.length != initial.length) {
            throw new IllegalArgumentException("kernels of sizes " + kernel.length + " and " + initial.length);
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < kernel.length; i++) {
            for (int j = 0; j < kernel.length; j++) {
                double d = kernel[i][j] - initial[i][j];
                num += d * d;
                den += initial[i][j] * initial[i][j];
            }
        }
        return Math.sqrt(num / den);
    }

    /**
     * Σ_i Θ_ii.
     *
     * @param kernel Θ
     * @return its trace
     */
    public static double trace(double[][] kernel) {
        double s = 0;
        for (int i = 0; i < kernel.length; i++) {
            s += kernel[i][i];
        }
        return s;
    }

    static double[][] gram(double[][] rows) {
        int m = rows.length;
        double[][] g = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double s = 0;
                double[] ra = rows[a];
                double[] rb = rows[b];
                for (int j = 0; j < ra.length; j++) {
                    s += ra[j] * rb[j];
                }
                g[a][b] = s;
                g[b][a] = s;
            }
        }
        return g;
    }
}
