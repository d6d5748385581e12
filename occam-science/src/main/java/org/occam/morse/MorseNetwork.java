package org.occam.morse;

import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.nn.Model;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * A Morse network (METHODS §8): {@code M(x, y) = K(φ(x), T_y)} for any Occam model
 * {@code φ: R^d → R^k}, a {@link MorseKernel} and fixed targets {@code T [C, k]}.
 *
 * <ul>
 *   <li>Unsupervised ({@code C = 1}, target {@code T = 0} by default): the unnormalised density
 *       {@code M(x) = K(φ(x), T) ∈ (0, 1]}, whose modes {@code {x : φ(x) = T}} are generically
 *       submanifolds of dimension {@code d − k}.</li>
 *   <li>Supervised ({@code C} classes, distinct targets, one-hot by default):
 *       {@code M(x, y) = K(φ(x), T_y)}, the distance-aware classifier
 *       {@code p(y|x) = M(x, y) / Σ_y' M(x, y')} (with the Gaussian kernel, a softmax of
 *       {@code −(λ²/2)‖φ(x) − T_y‖²}: the Entropic/IsoMax form), and the density
 *       {@code M(x) = max_y M(x, y)} used by the OOD score {@code 1 − max_y M(x, y)}.</li>
 * </ul>
 *
 * <p>The network holds no parameters: they are the model's {@link Params}, passed to every call.
 *
 * @param phi     the map φ (any model with k outputs per input row)
 * @param kernel  the Morse kernel
 * @param targets the targets {@code T_y}, {@code [C, k]} (float64; cast to the inputs' dtype)
 */
public record MorseNetwork(Model phi, MorseKernel kernel, Tensor targets) {

    /** Checks a model, a kernel and a [C, k] target matrix. */
    public MorseNetwork {
        if (phi == null || kernel == null || targets == null) {
            throw new IllegalArgumentException("a Morse network needs a model φ, a kernel and targets");
        }
        if (targets.rank() != 2 || targets.size(0) < 1 || targets.size(1) < 1) {
            throw new IllegalArgumentException("Morse targets must be a [C, k] matrix, got shape "
                    + java.util.Arrays.toString(targets.shapeRef()));
        }
        targets = targets.detach();
    }

    /**
     * The unsupervised network {@code M(x) = K(φ(x), 0)} with {@code φ: R^d → R^k}.
     *
     * @param phi the network φ
     * @param kernel the kernel K
     * @param k the dimension of φ's output
     * @return the network
     */
    public static MorseNetwork unsupervised(Model phi, MorseKernel kernel, int k) {
        return new MorseNetwork(phi, kernel, Tensor.zeros(DType.FLOAT64, 1, k));
    }

    /**
     * The unsupervised network with a given target {@code T ∈ R^k}.
     *
     * @param phi the network φ
     * @param kernel the kernel K
     * @param target T
     * @return the network
     */
    public static MorseNetwork unsupervised(Model phi, MorseKernel kernel, double[] target) {
        return new MorseNetwork(phi, kernel, Tensor.of(target.clone(), 1, target.length));
    }

    /**
     * The supervised network with one-hot targets {@code T_y = scale·e_y} in {@code R^C}
     * (φ must have C outputs).
     *
     * @param phi the network φ
     * @param kernel the kernel K
     * @param classes C
     * @param scale the length of each target
     * @return the network
     */
    public static MorseNetwork supervised(Model phi, MorseKernel kernel, int classes, double scale) {
        if (classes < 2) {
            throw new IllegalArgumentException("a supervised Morse network needs at least 2 classes, got " + classes);
        }
        double[] t = new double[classes * classes];
        for (int c = 0; c < classes; c++) {
            t[c * classes + c] = scale;
        }
        return new MorseNetwork(phi, kernel, Tensor.of(t, classes, classes));
    }

    /**
     * The number of targets C (1 for the unsupervised network).
     *
     * @return C
     */
    public int classes() {
        return targets.size(0);
    }

    /**
     * The dimension k of the target space.
     *
     * @return k
     */
    public int dim() {
        return targets.size(1);
    }

    /**
     * Whether this is the supervised (several targets) network.
     *
     * @return whether it is supervised
     */
    public boolean supervised() {
        return classes() > 1;
    }

    /**
     * {@code φ(x)}, {@code [B, k]}.
     *
     * @param p the parameters
     * @param x the inputs
     * @return φ(x)
     */
    public Tensor embed(Params p, Tensor x) {
        Tensor z = phi.apply(p, x);
        if (z.rank() != 2 || z.size(1) != dim()) {
            throw new IllegalArgumentException("Morse network: φ gives shape " + java.util.Arrays.toString(z.shapeRef())
                    + " but the targets live in R^" + dim() + " (need [B, " + dim() + "])");
        }
        return z;
    }

    /**
     * {@code log M(x, y) = log K(φ(x), T_y)} for every class, {@code [B, C]} (differentiable).
     *
     * @param p the parameters
     * @param x the inputs
     * @return log M(x, y)
     */
    public Tensor logKernels(Params p, Tensor x) {
        return kernel.logKernel(embed(p, x), targets);
    }

    /**
     * {@code log M(x)}, {@code [B]}: {@code log K(φ(x), T)} unsupervised,
     * {@code max_y log K(φ(x), T_y)} supervised (differentiable almost everywhere).
     *
     * @param p the parameters
     * @param x the inputs
     * @return log M(x)
     */
    public Tensor logDensity(Params p, Tensor x) {
        Tensor lk = logKernels(p, x);
        return supervised() ? lk.max(1) : lk.reshape(lk.size(0));
    }

    /**
     * The distance-aware classifier {@code p(y|x) = M(x, y)/Σ M(x, y')}, {@code [B, C]}.
     *
     * @param p the parameters
     * @param x the inputs
     * @return p(y|x)
     */
    public Tensor classProbabilities(Params p, Tensor x) {
        return logKernels(p, x).softmax(1);
    }

    /**
     * {@code log M(x)} as plain numbers, computed without recording a graph, in chunks of rows.
     *
     * @param p the parameters
     * @param x the inputs
     * @param chunk rows per pass
     * @return log M(x) per row
     */
    public double[] logDensityValues(Params p, Tensor x, int chunk) {
        return Recording.noGrad(() -> {
            int n = x.size(0);
            double[] out = new double[n];
            for (int s = 0; s < n; s += chunk) {
                int e = Math.min(n, s + chunk);
                double[] v = logDensity(p, x.slice(0, s, e)).toDoubleArray();
                System.arraycopy(v, 0, out, s, v.length);
            }
            return out;
        });
    }

    /**
     * {@code log M(x, y)} for every class as plain numbers, {@code [n][C]}, without a graph.
     *
     * @param p the parameters
     * @param x the inputs
     * @param chunk rows per pass
     * @return log M(x, y) per row and class
     */
    public double[][] logKernelValues(Params p, Tensor x, int chunk) {
        return Recording.noGrad(() -> {
            int n = x.size(0);
            int c = classes();
            double[][] out = new double[n][];
            for (int s = 0; s < n; s += chunk) {
                int e = Math.min(n, s + chunk);
                double[] v = logKernels(p, x.slice(0, s, e)).toDoubleArray();
                for (int i = s; i < e; i++) {
                    out[i] = java.util.Arrays.copyOfRange(v, (i - s) * c, (i - s + 1) * c);
                }
            }
            return out;
        });
    }

    /**
     * The unnormalised density {@code M(x) ∈ [0, 1]} as plain numbers.
     *
     * @param p the parameters
     * @param x the inputs
     * @param chunk rows per pass
     * @return M(x) per row
     */
    public double[] densityValues(Params p, Tensor x, int chunk) {
        double[] v = logDensityValues(p, x, chunk);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(v[i]);
        }
        return v;
    }

    /**
     * A one-line description: kernel, targets and φ.
     *
     * @return the description
     */
    public String describe() {
        return "Morse(" + kernel.describe() + ", C=" + classes() + ", k=" + dim() + ", φ=" + phi.describe() + ")";
    }
}
