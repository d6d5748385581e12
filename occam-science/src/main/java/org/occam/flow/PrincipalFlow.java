package org.occam.flow;

import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * The principal flow (PF) of gradient descent with learning rate h at real θ (Rosca, Wu, Qin &amp;
 * Dherin 2023; METHODS §4.1):
 * <pre>
 *   θ̇ = Σ_i φ(hλ_i) (gᵀu_i) u_i,   φ(x) = log(1 − x)/x   ({@link PrincipalCoefficient})
 * </pre>
 * from the dense Hessian eigendecomposition at θ (m HVPs and an m × m symmetric eigensolve per
 * evaluation: small models only). Its series −Σ_k h^k/(k+1) H^k g sums every "principal" BEA term
 * H^k g to all orders in h and drops the others, such as (h²/12)D³E[g, g]; on a quadratic loss it
 * is exact at t = nh.
 *
 * <p>When some hλ_i &gt; 1 the coefficient is complex and a real θ cannot follow it; two
 * treatments:
 * <ul>
 *   <li>{@link #realPart}: Re φ = log|1 − hλ_i|/(hλ_i) (the stability coefficient) at real θ. This
 *       captures <b>divergence</b> (Re φ &gt; 0 for hλ &gt; 2 makes the flow ascend along u_i) but
 *       <b>not oscillation</b>: for 1 &lt; hλ &lt; 2 it decays monotonically where GD alternates in sign,
 *       and it is not exact at t = nh even on a quadratic. Taking real parts at every step is not
 *       the same as taking the real part of the complex solution (METHODS §10 pitfall 6).</li>
 *   <li>{@link ComplexPrincipalFlow}: the complex flow on (Re θ, Im θ), exact for quadratics.</li>
 * </ul>
 * For models too large for a dense Hessian see {@link TopKPrincipalFlow}.
 */
public final class PrincipalFlow {
    private PrincipalFlow() {
    }

    /**
     * The PF where it is real: every hλ_i ≤ 1 (hλ_i = 1 uses {@link PrincipalCoefficient#SINGULAR}).
     *
     * @param loss the loss E
     * @param h the learning rate
     * @return the vector field
     * @throws IllegalStateException at a point where some hλ_i &gt; 1 (the coefficient is complex)
     */
    public static Function<Params, Params> field(Function<Params, Tensor> loss, double h) {
        checkRate(h);
        return p -> {
            LocalSpectrum s = LocalSpectrum.dense(loss, p);
            for (double lambda : s.values()) {
                if (PrincipalCoefficient.complex(h * lambda)) {
                    throw new IllegalStateException("principal flow is complex here: hλ = " + h * lambda
                            + " > 1; use PrincipalFlow.realPart or ComplexPrincipalFlow");
                }
            }
            return p.unflatten(Tensor.of(p.dtype(), realVelocity(s, h), p.numel()));
        };
    }

    /**
     * The real-part approximation θ̇ = Σ_i [log|1 − hλ_i|/(hλ_i)](gᵀu_i)u_i (see the class comment).
     *
     * @param loss the loss E
     * @param h the learning rate
     * @return the vector field
     */
    public static Function<Params, Params> realPart(Function<Params, Tensor> loss, double h) {
        checkRate(h);
        return p -> p.unflatten(Tensor.of(p.dtype(), realVelocity(LocalSpectrum.dense(loss, p), h), p.numel()));
    }

    /**
     * {@link #realPart} as a named flow ("pf-re") on trees shaped like the template.
     *
     * @param loss the loss E
     * @param template the tree's names and shapes
     * @param h the learning rate
     * @return the flow
     */
    public static Flow realPartFlow(Function<Params, Tensor> loss, Params template, double h) {
        return Flow.of("pf-re", realPart(loss, h), template);
    }

    /** Σ_i Re φ(hλ_i)(gᵀu_i)u_i. */
    static double[] realVelocity(LocalSpectrum s, double h) {
        double[] c = s.coordinates(s.gradient());
        double[] lambda = s.values();
        for (int i = 0; i < c.length; i++) {
            c[i] *= PrincipalCoefficient.real(h * lambda[i]);
        }
        return s.combine(c);
    }

    static void checkRate(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + h);
        }
    }
}
