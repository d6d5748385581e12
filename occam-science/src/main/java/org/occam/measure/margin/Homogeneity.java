package org.occam.measure.margin;

import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.nn.Activation;
import org.occam.nn.Conv2d;
import org.occam.nn.Flatten;
import org.occam.nn.Layer;
import org.occam.nn.Linear;
import org.occam.nn.Model;
import org.occam.nn.Pool2d;
import org.occam.nn.Residual;
import org.occam.nn.Sequential;
import org.occam.tensor.Tensor;

/**
 * The homogeneity degree of a network in its parameters (METHODS §9): f(cθ; x) = c^L f(θ; x)
 * for every c &gt; 0. A stack of bias-free Linear or Conv2d layers (each of degree 1 in its
 * weight and linear in its input) separated by positively homogeneous parameter-free layers
 * (ReLU, identity, max or average pooling, flatten) has L = the number of weight layers. Biases,
 * non-homogeneous activations (tanh, GELU, softplus, sigmoid), LayerNorm and residual
 * connections around parametrized blocks break homogeneity (METHODS §10 pitfall 10) and are
 * rejected with the offending layer named.
 */
public final class Homogeneity {
    private Homogeneity() {
    }

    /**
     * The exact degree L ≥ 1 of a homogeneous {@link Sequential} model; throws for any other model.
     *
     * @param model the network
     * @return L
     */
    public static int degree(Model model) {
        if (!(model instanceof Sequential s)) {
            throw new IllegalArgumentException("homogeneity degree is known for Sequential models only, got "
                    + model.describe() + " (check a degree numerically with Homogeneity.relativeError)");
        }
        int d = degree(s, "");
        if (d == 0) {
            throw new IllegalArgumentException("model " + model.describe() + " has no weight layers: its degree is 0 and"
                    + " normalized margins are undefined");
        }
        return d;
    }

    /**
     * Whether {@link #degree(Model)} succeeds.
     *
     * @param model the network
     * @return whether it is homogeneous
     */
    public static boolean isHomogeneous(Model model) {
        try {
            degree(model);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int degree(Sequential s, String prefix) {
        int d = 0;
        for (int i = 0; i < s.layers().size(); i++) {
            d += layerDegree(s.layers().get(i), prefix + i);
        }
        return d;
    }

    private static int layerDegree(Layer layer, String at) {
        return switch (layer) {
            case Linear l when !l.bias() -> 1;
            case Conv2d c when !c.bias() -> 1;
            case Linear l -> throw notHomogeneous(at, layer, "has a bias (use a :nobias model)");
            case Conv2d c -> throw notHomogeneous(at, layer, "has a bias");
            case Activation a when a == Activation.RELU || a == Activation.IDENTITY -> 0;
            case Activation a -> throw notHomogeneous(at, layer, "is not positively homogeneous (allowed: relu, identity)");
            case Pool2d p -> 0;
            case Flatten f -> 0;
            case Sequential inner -> degree(inner, at + ".");
            case Residual r -> {
                if (degree(r.body(), at + ".body.") != 0) {
                    throw notHomogeneous(at, layer, "adds its input to a parametrized block (degrees 0 and >= 1 mixed)");
                }
                yield layerDegree(r.after(), at + ".after");
            }
            default -> throw notHomogeneous(at, layer, "is not known to be homogeneous");
        };
    }

    private static IllegalArgumentException notHomogeneous(String at, Layer layer, String why) {
        return new IllegalArgumentException("model is not homogeneous: layer " + at + " " + layer.describe() + " " + why);
    }

    /**
     * max_i |f(cθ; x)_i − c^L f(θ; x)_i| / max_i |c^L f(θ; x)_i|: a numerical check of degree L
     * (round-off, about 1e-15, for a homogeneous model in float64).
     *
     * @param model the network
     * @param p θ
     * @param x the inputs
     * @param c the scale c
     * @param degree L
     * @return the relative error
     */
    public static double relativeError(Model model, Params p, Tensor x, double c, int degree) {
        if (!(c > 0)) {
            throw new IllegalArgumentException("homogeneity check needs a scale c > 0, got " + c);
        }
        double[] base = Recording.noGrad(() -> model.apply(p, x)).toDoubleArray();
        double[] scaled = Recording.noGrad(() -> model.apply(p.scale(c), x)).toDoubleArray();
        double factor = Math.pow(c, degree);
        double err = 0;
        double size = 0;
        for (int i = 0; i < base.length; i++) {
            err = Math.max(err, Math.abs(scaled[i] - factor * base[i]));
            size = Math.max(size, Math.abs(factor * base[i]));
        }
        return size == 0 ? err : err / size;
    }
}
