package org.occam.nn;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.occam.tensor.Tensor;

/** Parameter-free elementwise layers, named as in torch.nn. */
public enum Activation implements Layer {
    /** max(x, 0). */
    RELU("ReLU"),
    /** tanh x. */
    TANH("Tanh"),
    /** x·Φ(x), the exact (erf) form of torch.nn.GELU. */
    GELU("GELU"),
    /** log(1 + eˣ). */
    SOFTPLUS("Softplus"),
    /** 1/(1 + e⁻ˣ). */
    SIGMOID("Sigmoid"),
    /** x unchanged. */
    IDENTITY("Identity");

    private final String torchName;

    Activation(String torchName) {
        this.torchName = torchName;
    }

    /**
     * Parses relu, tanh, gelu, softplus, sigmoid, identity (also "linear").
     *
     * @param s the name
     * @return the activation
     */
    public static Activation parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "relu" -> RELU;
            case "tanh" -> TANH;
            case "gelu" -> GELU;
            case "softplus" -> SOFTPLUS;
            case "sigmoid" -> SIGMOID;
            case "identity", "linear", "none" -> IDENTITY;
            default -> throw new IllegalArgumentException("unknown activation '" + s
                    + "': allowed values are relu, tanh, gelu, softplus, sigmoid, identity");
        };
    }

    /**
     * The activation applied elementwise to x.
     *
     * @param x the input
     * @return a tensor of x's shape
     */
    public Tensor apply(Tensor x) {
        return switch (this) {
            case RELU -> x.relu();
            case TANH -> x.tanh();
            case GELU -> x.gelu();
            case SOFTPLUS -> x.softplus();
            case SIGMOID -> x.sigmoid();
            case IDENTITY -> x;
        };
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        return apply(x);
    }

    @Override
    public String describe() {
        return torchName + "()";
    }

    /**
     * The lower-case spelling used in model specs.
     *
     * @return the name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
