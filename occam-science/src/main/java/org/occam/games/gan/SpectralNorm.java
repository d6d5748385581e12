package org.occam.games.gan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Spectral normalisation of a discriminator's weights (Miyato et al., ICLR 2018), as the reference
 * DD code applies it (Haiku's {@code SNParamsTree(ignore_regex='.*b$', eps=1e-12, n_steps=1)} on
 * the discriminator's parameters; METHODS §3.6, §3.7): every parameter W of rank ≥ 2, seen as the
 * matrix [out, rest] (PyTorch layout), becomes W / σ with
 * <pre>
 *   v = n(Wᵀ u₀),   u = n(W v),   σ = uᵀ W v,   n(x) = x / sqrt(max(‖x‖², 1e-12)),
 * </pre>
 * one power-iteration step from the stored vector u₀ [out]. u and v are constants (stop-gradient):
 * derivatives of every order flow through W only, and σ is linear in W. Biases and other vectors
 * are left alone.
 *
 * <p>u₀ is state, not a parameter. It lives in the discriminator's tree beside W under W's name +
 * {@value #SUFFIX} (PyTorch's buffer name), so a checkpoint of the player carries it; nothing
 * flows back to it (its gradient is zero). The forward pass never changes it: {@link #advance}
 * stores the step's u once per discriminator update ({@link SpectralNormOptimizer}), so every
 * forward pass of a round (both players' gradients, the drift regularisers' derivatives) sees the
 * same u, v, and the generator's steps never advance the discriminator's state, as in the reference.
 */
public final class SpectralNorm {
    private SpectralNorm() {
    }

    /** The suffix of a stored vector's name: "0.weight" keeps its u₀ in "0.weight_u". */
    public static final String SUFFIX = "_u";
    /** The floor of ‖x‖² in the normalisation n(x), the reference's eps. */
    public static final double EPS = 1e-12;

    /**
     * Whether an entry is a normalised weight (rank ≥ 2, not a stored vector).
     *
     * @param name the entry's name
     * @param t the entry
     * @return whether it is normalised
     */
    public static boolean normalised(String name, Tensor t) {
        return t.rank() >= 2 && !name.endsWith(SUFFIX);
    }

    /**
     * Whether φ carries the stored vectors (is spectrally normalised).
     *
     * @param phi the discriminator's parameters
     * @return whether they carry the vectors
     */
    public static boolean present(Params phi) {
        return phi.names().stream().anyMatch(n -> n.endsWith(SUFFIX));
    }

    /**
     * φ with a stored unit vector u₀ [out] after each normalised weight, from standard normals drawn from {@code rng}.
     *
     * @param phi the discriminator's parameters
     * @param rng the generator of u₀
     * @return φ with the vectors
     */
    public static Params init(Params phi, Rng rng) {
        if (present(phi)) {
            throw new IllegalArgumentException("the parameters already carry spectral-norm vectors (*" + SUFFIX + ")");
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, Tensor> e : phi) {
            m.put(e.getKey(), e.getValue());
            if (normalised(e.getKey(), e.getValue())) {
                int out = e.getValue().size(0);
                double[] u = rng.split(k++).normal(e.getValue().dtype(), 0, 1, out).toDoubleArray();
                m.put(e.getKey() + SUFFIX, Tensor.of(e.getValue().dtype(), normalise(u), out));
            }
        }
        return Params.of(m);
    }

    /**
     * The weights the network sees: W / σ(W) for every normalised W (differentiable in W, with the
     * step's u, v held constant), every other entry as it is, the stored vectors dropped.
     *
     * @param phi the discriminator's parameters with the vectors
     * @return the normalised weights
     */
    public static Params apply(Params phi) {
        return apply(phi, phi);
    }

    /**
     * {@link #apply(Params)} with the power-iteration step taken at {@code at}'s weights and stored
     * vectors instead of φ's own: a function of φ with u, v held fixed (at = φ gives the same values
     * and derivatives as {@code apply(φ)}, whose u, v are constants anyway).
     *
     * @param phi the discriminator's parameters
     * @param at where the power-iteration step is taken
     * @return the normalised weights
     */
    public static Params apply(Params phi, Params at) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : phi) {
            String name = e.getKey();
            Tensor w = e.getValue();
            if (name.endsWith(SUFFIX)) {
                continue;
            }
            if (!normalised(name, w)) {
                m.put(name, w);
                continue;
            }
            Step s = step(at.get(name), stored(at, name));
            Tensor uvT = Tensor.of(w.dtype(), outer(s.u(), s.v()), w.shape());
            m.put(name, w.div(w.dot(uvT)));
        }
        return Params.of(m);
    }

    /**
     * {@code after} with every stored vector replaced by the step's u at {@code before}'s weights: the state one update later.
     *
     * @param before φ before the update
     * @param after φ after the update
     * @return {@code after} with the advanced vectors
     */
    public static Params advance(Params before, Params after) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : after) {
            String name = e.getKey();
            if (name.endsWith(SUFFIX)) {
                String weight = name.substring(0, name.length() - SUFFIX.length());
                Tensor w = before.get(weight);
                m.put(name, Tensor.of(w.dtype(), step(w, stored(before, weight)).u(), w.size(0)));
            } else {
                m.put(name, e.getValue());
            }
        }
        return Params.of(m);
    }

    /**
     * φ with its stored vectors advanced one power-iteration step at its own weights.
     *
     * @param phi the discriminator's parameters
     * @return φ with the advanced vectors
     */
    public static Params advance(Params phi) {
        return advance(phi, phi);
    }

    /**
     * The entries other than the stored vectors (what the optimiser moves).
     *
     * @param phi the discriminator's parameters
     * @return the weights and biases
     */
    public static Params weights(Params phi) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : phi) {
            if (!e.getKey().endsWith(SUFFIX)) {
                m.put(e.getKey(), e.getValue());
            }
        }
        return Params.of(m);
    }

    /**
     * σ = uᵀ W v of one step from u₀: the estimate of W's top singular value the forward pass divides by.
     *
     * @param w the weight W
     * @param u0 the stored vector u₀
     * @return σ
     */
    public static double sigma(Tensor w, Tensor u0) {
        Step s = step(w, u0);
        double[] a = w.toDoubleArray();
        int out = s.u().length;
        int in = s.v().length;
        double sigma = 0;
        for (int i = 0; i < out; i++) {
            double wv = 0;
            for (int j = 0; j < in; j++) {
                wv += a[i * in + j] * s.v()[j];
            }
            sigma += s.u()[i] * wv;
        }
        return sigma;
    }

    /**
     * The unit vectors of one power-iteration step from u₀: v = n(Wᵀu₀) [rest], u = n(Wv) [out].
     *
     * @param u the new u
     * @param v the new v
     */
    public record Step(double[] u, double[] v) {
    }

    /**
     * One power-iteration step at W (its values; nothing is differentiated) from the stored u₀.
     *
     * @param w the weight W
     * @param u0 the stored vector u₀
     * @return u and v
     */
    public static Step step(Tensor w, Tensor u0) {
        int out = w.size(0);
        int in = w.numel() / out;
        if (u0.numel() != out) {
            throw new IllegalArgumentException("spectral norm: the stored vector has " + u0.numel()
                    + " entries but the weight has " + out + " rows");
        }
        double[] a = w.toDoubleArray();
        double[] u = u0.toDoubleArray();
        double[] v = new double[in];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                v[j] += a[i * in + j] * u[i];
            }
        }
        v = normalise(v);
        double[] un = new double[out];
        for (int i = 0; i < out; i++) {
            double s = 0;
            for (int j = 0; j < in; j++) {
                s += a[i * in + j] * v[j];
            }
            un[i] = s;
        }
        return new Step(normalise(un), v);
    }

    private static Tensor stored(Params phi, String weight) {
        Tensor u = phi.asMap().get(weight + SUFFIX);
        if (u == null) {
            throw new IllegalArgumentException("spectral norm: no stored vector '" + weight + SUFFIX
                    + "' for the weight '" + weight + "' (initialise the discriminator with SpectralNorm.init)");
        }
        return u;
    }

    private static double[] normalise(double[] x) {
        double ss = 0;
        for (double d : x) {
            ss += d * d;
        }
        double inv = 1 / Math.sqrt(Math.max(ss, EPS));
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * inv;
        }
        return y;
    }

    private static double[] outer(double[] u, double[] v) {
        double[] o = new double[u.length * v.length];
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                o[i * v.length + j] = u[i] * v[j];
            }
        }
        return o;
    }
}
