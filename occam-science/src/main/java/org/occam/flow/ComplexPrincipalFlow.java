package org.occam.flow;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * The complex principal flow of GD for small models (METHODS §4.1 "complex and oscillatory case",
 * §10 pitfall 6, check PF-2). The state is z = x + iy ∈ ℂ^m, stored as the flat real vector
 * (x, y) of length 2m; it starts at (θ₀, 0), and the parameters it stands for are the real part x,
 * which is what is compared with GD. The field is the PF with complex coefficients
 * φ(hλ) = [log(hλ − 1) + iπ]/(hλ) for hλ &gt; 1 (principal branch):
 * <pre>
 *   ż = F(z),   F(θ) = Σ_i φ(hλ_i(θ)) (g(θ)ᵀu_i(θ)) u_i(θ).
 * </pre>
 *
 * <p><b>What the real-valued engine can and cannot do.</b> The reference code evaluates F at
 * complex z by running the loss on complex numbers (holomorphic autodiff) and decomposing the
 * complex-symmetric Hessian with a general eigensolver. Occam's tensors are real, so a general
 * loss cannot be evaluated at complex θ: {@link Continuation#HOLOMORPHIC} throws
 * {@link UnsupportedOperationException}. What is implemented instead extends F from real points
 * into the imaginary direction by a Taylor expansion about the real part x, re-done at every
 * field evaluation (every integrator stage):
 * <ul>
 *   <li>{@link Continuation#FROZEN_HESSIAN}: g(x + iy) ≈ g(x) + iH(x)y and H(x + iy) ≈ H(x), so
 *       F(x + iy) ≈ φ(hH(x))·[g(x) + iH(x)y] (one dense Hessian and eigensolve per evaluation). It
 *       drops the change of the eigenpairs along y, a term of order ‖y‖·‖g‖·‖D³E‖, which near a
 *       minimum (g small) is of the same order as the O(‖y‖²) error of FIRST_ORDER.</li>
 *   <li>{@link Continuation#FIRST_ORDER} (the default): F(x + iy) ≈ F(x) + i·DF(x)[y], the complete
 *       first-order expansion of the analytic continuation of F (the branch that keeps +iπ for
 *       hλ &gt; 1). Since F = φ(hH)g, DF(x)[y] = φ(hH)Hy + [Dφ(hH)[y]]g: the frozen-Hessian term plus
 *       the change of the matrix function φ(hH(x)) along y, applied to the fixed g(x), taken by a
 *       central difference of φ(hH) at x ± εŷ, ε = 1e-5·max(1, ‖x‖) (three dense Hessians and
 *       eigensolves per evaluation). On a quadratic H is the same at the three points, so the
 *       difference is exactly 0 and no difference noise enters. Error O(‖y‖²·(third and higher
 *       derivatives)) plus the O(ε²) difference error.</li>
 * </ul>
 * Both are <b>exact for quadratic losses</b> (g is affine and H constant, so the expansions
 * terminate): there the real part at t = nh equals the GD iterate, the imaginary part vanishes at
 * t = nh, and between steps the component along u_i with hλ_i &gt; 1 is
 * c_i(0)|1 − hλ_i|^{t/h}cos(πt/h) (see {@link QuadraticPrincipalFlow} for the closed form). For
 * non-quadratic losses they are approximations to the holomorphic PF whose quality degrades as the
 * imaginary part grows. The Hessian is symmetric real at real x, so no general eigensolver is
 * needed. Where every hλ_i &lt; 1 and y = 0 the flow stays real and equals {@link PrincipalFlow#field}.
 */
public final class ComplexPrincipalFlow implements Flow {
    /** How F is extended from real θ to complex z. */
    public enum Continuation {
        /** Re-linearize g in the imaginary direction with the Hessian frozen at the real part. */
        FROZEN_HESSIAN,
        /** First-order Taylor expansion of the continued field in the imaginary part. */
        FIRST_ORDER,
        /** Evaluate the loss at complex θ (holomorphic autodiff): not possible with real tensors. */
        HOLOMORPHIC
    }

    private final Function<Params, Tensor> loss;
    private final Params template;
    private final double h;
    private final Continuation continuation;
    private final int m;
    private final AtomicLong hvps = new AtomicLong();

    private ComplexPrincipalFlow(Function<Params, Tensor> loss, Params template, double h, Continuation c) {
        this.loss = loss;
        this.template = template;
        this.h = h;
        this.continuation = c;
        this.m = template.numel();
    }

    /**
     * The complex PF of {@code loss} at learning rate h on trees shaped like {@code template}.
     *
     * @param loss the loss E
     * @param template the tree's names and shapes
     * @param h the learning rate
     * @param c how the flow is continued where it is complex
     * @return the flow
     * @throws UnsupportedOperationException for {@link Continuation#HOLOMORPHIC}
     */
    public static ComplexPrincipalFlow of(Function<Params, Tensor> loss, Params template, double h, Continuation c) {
        PrincipalFlow.checkRate(h);
        if (c == Continuation.HOLOMORPHIC) {
            throw new UnsupportedOperationException("the holomorphic principal flow needs the loss evaluated at complex "
                    + "parameters, which Occam's real-valued tensor engine cannot do; use FIRST_ORDER or FROZEN_HESSIAN "
                    + "(exact for quadratic losses), or PrincipalFlow.realPart");
        }
        return new ComplexPrincipalFlow(loss, template, h, c);
    }

    /**
     * The default: {@link Continuation#FIRST_ORDER}.
     *
     * @param loss the loss E
     * @param template the tree's names and shapes
     * @param h the learning rate
     * @return the flow
     */
    public static ComplexPrincipalFlow of(Function<Params, Tensor> loss, Params template, double h) {
        return of(loss, template, h, Continuation.FIRST_ORDER);
    }

    @Override
    public String name() {
        return "pf";
    }

    /**
     * How this flow is continued where hλ_i &gt; 1.
     *
     * @return the continuation
     */
    public Continuation continuation() {
        return continuation;
    }

    /**
     * HVPs spent so far (m per dense Hessian).
     *
     * @return the HVP count
     */
    public long hvpCount() {
        return hvps.get();
    }

    @Override
    public double[] lift(double[] theta0) {
        double[] z = new double[2 * m];
        System.arraycopy(theta0, 0, z, 0, m);
        return z;
    }

    @Override
    public double[] theta(double[] state) {
        return java.util.Arrays.copyOf(state, m);
    }

    /**
     * Im θ of a state.
     *
     * @param state a state of the flow
     * @return the imaginary part of θ
     */
    public double[] imaginary(double[] state) {
        return java.util.Arrays.copyOfRange(state, m, 2 * m);
    }

    @Override
    public double[] at(double t, double[] z) {
        if (z.length != 2 * m) {
            throw new IllegalArgumentException("complex PF state has length " + 2 * m + ", got " + z.length);
        }
        double[] x = java.util.Arrays.copyOf(z, m);
        double[] y = imaginary(z);
        LocalSpectrum s = spectrum(x);
        double[] g = s.gradient();
        double[] p = s.coordinates(g);
        double[] q = s.coordinates(y);
        double[] lambda = s.values();
        double[] re = new double[m];
        double[] im = new double[m];
        for (int i = 0; i < m; i++) {
            Complex v = PrincipalCoefficient.of(h * lambda[i]).times(new Complex(p[i], lambda[i] * q[i])); // φ_i·u_iᵀ(g + iHy)
            re[i] = v.re();
            im[i] = v.im();
        }
        double[] out = new double[2 * m];
        System.arraycopy(s.combine(re), 0, out, 0, m);
        System.arraycopy(s.combine(im), 0, out, m, m);
        double ny = Math.sqrt(LocalSpectrum.dot(y, y));
        if (continuation == Continuation.FIRST_ORDER && ny > 0) {
            // i·[Dφ(H)[D H·y]]g: the change of the matrix function along y, by a central difference
            double eps = 1e-5 * Math.max(1, Math.sqrt(LocalSpectrum.dot(x, x)));
            double[] xp = x.clone();
            double[] xm = x.clone();
            for (int i = 0; i < m; i++) {
                xp[i] += eps * y[i] / ny;
                xm[i] -= eps * y[i] / ny;
            }
            double[][] fp = phiTimes(spectrum(xp), g);
            double[][] fm = phiTimes(spectrum(xm), g);
            double sc = ny / (2 * eps);
            for (int i = 0; i < m; i++) {
                out[i] -= (fp[1][i] - fm[1][i]) * sc; // Re(i·D) = −Im D
                out[m + i] += (fp[0][i] - fm[0][i]) * sc; // Im(i·D) = Re D
            }
        }
        return out;
    }

    /** {Re, Im} of φ(hH)·v for the Hessian of a spectrum and a fixed vector v. */
    private double[][] phiTimes(LocalSpectrum s, double[] v) {
        double[] c = s.coordinates(v);
        double[] lambda = s.values();
        double[] re = new double[m];
        double[] im = new double[m];
        for (int i = 0; i < m; i++) {
            re[i] = PrincipalCoefficient.real(h * lambda[i]) * c[i];
            im[i] = PrincipalCoefficient.imaginary(h * lambda[i]) * c[i];
        }
        return new double[][] {s.combine(re), s.combine(im)};
    }

    private LocalSpectrum spectrum(double[] x) {
        LocalSpectrum s = LocalSpectrum.dense(loss, Flow.params(template, x));
        hvps.addAndGet(s.hvps());
        return s;
    }
}
