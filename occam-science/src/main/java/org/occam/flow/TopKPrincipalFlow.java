package org.occam.flow;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.measure.Hessians;
import org.occam.measure.LinearOperator;
import org.occam.measure.Spectrum;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * A principal flow for models too large for a dense Hessian (METHODS §4.1 "Algorithm"; a toolkit
 * choice, not the paper's): exact PF coefficients on the top-k Hessian eigenpairs and the IGR
 * series on the rest,
 * <pre>
 *   θ̇ = Σ_{i≤k} Re φ(hλ_i)(gᵀu_i)u_i − [r + (h/2)H r],   r = g − Σ_{i≤k}(gᵀu_i)u_i,
 * </pre>
 * with (λ_i, u_i) the k largest (algebraic) Ritz pairs of a Lanczos run of {@code lanczosSteps}
 * HVPs (full reorthogonalization, see {@link org.occam.measure.Lanczos}).
 *
 * <p><b>Truncation.</b> On the complement the exact PF is −Σ_{j≥0} h^j/(j+1) H^j r; keeping j ≤ 1
 * drops −(h²/3)H²r − (h³/4)H³r − …, an error of about (h²/3)λ_rest²‖r‖/(1 − hλ_rest) where λ_rest is
 * the largest remaining eigenvalue magnitude. So the variant is accurate when hλ_{k+1} ≪ 1 (the
 * instabilities live in the top k directions, as at the edge of stability) and wrong when the
 * (k+1)-th eigenvalue already has hλ near 1. The top-k part uses the real part of φ (the
 * stability coefficient), so it captures divergence but not oscillation for hλ_i &gt; 1 (see
 * {@link PrincipalFlow#realPart}). Errors of the Ritz pairs enter directly (unconverged pairs leak
 * part of g between the two terms). A fixed seed makes the field deterministic, which adaptive
 * integration needs.
 *
 * <p>Cost per evaluation: one gradient, {@code lanczosSteps} HVPs and one more HVP for H r.
 */
public final class TopKPrincipalFlow implements Function<Params, Params> {
    private final Function<Params, Tensor> loss;
    private final double h;
    private final int k;
    private final int lanczosSteps;
    private final long seed;
    private final AtomicLong hvps = new AtomicLong();
    private final AtomicLong evaluations = new AtomicLong();

    /**
     * The top-k PF of {@code loss} at rate h.
     *
     * @param loss         the loss E
     * @param h            the learning rate
     * @param k            eigenpairs treated exactly (≥ 1)
     * @param lanczosSteps Lanczos steps (≥ k; 2k to 3k converges the top pairs on typical spectra)
     * @param seed         seed of the Lanczos start vector (the same at every evaluation)
     */
    public TopKPrincipalFlow(Function<Params, Tensor> loss, double h, int k, int lanczosSteps, long seed) {
        PrincipalFlow.checkRate(h);
        if (k < 1 || lanczosSteps < k) {
            throw new IllegalArgumentException("need 1 <= k <= lanczosSteps, got k = " + k + ", steps = " + lanczosSteps);
        }
        this.loss = loss;
        this.h = h;
        this.k = k;
        this.lanczosSteps = lanczosSteps;
        this.seed = seed;
    }

    @Override
    public Params apply(Params p) {
        evaluations.incrementAndGet();
        Params g = Autodiff.grad(loss).apply(p).detach();
        LinearOperator op = LinearOperator.hessian(loss, p);
        int kk = Math.min(k, p.numel());
        Spectrum s = Hessians.lanczos(op, kk, Math.min(lanczosSteps, p.numel()), Rng.seed(seed));
        double[] gv = g.flatten().toDoubleArray();
        double[] r = gv.clone();
        double[] top = new double[gv.length];
        List<Params> us = s.eigenvectors();
        for (int i = 0; i < s.size(); i++) {
            double[] u = us.get(i).flatten().toDoubleArray();
            double a = LocalSpectrum.dot(u, gv);
            double c = PrincipalCoefficient.real(h * s.eigenvalue(i)) * a;
            for (int j = 0; j < u.length; j++) {
                r[j] -= a * u[j];
                top[j] += c * u[j];
            }
        }
        double[] hr = op.apply(r);
        hvps.addAndGet(op.applications());
        double[] v = new double[gv.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = top[j] - r[j] - h / 2 * hr[j];
        }
        return p.unflatten(Tensor.of(p.dtype(), v, v.length));
    }

    /**
     * As a named flow ("pf-top" + k) on trees shaped like the template.
     *
     * @param template the tree's names and shapes
     * @return the flow
     */
    public Flow flow(Params template) {
        return Flow.of("pf-top" + k, this, template);
    }

    /**
     * HVPs spent so far over all evaluations.
     *
     * @return the HVP count
     */
    public long hvpCount() {
        return hvps.get();
    }

    /**
     * Field evaluations so far.
     *
     * @return the number of evaluations
     */
    public long evaluations() {
        return evaluations.get();
    }
}
