package org.occam.nn;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.occam.tensor.Tensor;

/** Parameter-free elementwise layers, named as in torch.nn. */
public enum Activation implements Layer {
    RELU("ReLU"), TANH("Tanh"), GELU("GELU"), SOFTPLUS("Softplus"), SIGMOID("Sigmoid"), IDENTITY("Identity");

    private final String torchName;

    Activation(String torchName) {
        this.torchName = torchName;
    }

    /** Parses relu, tanh, gelu, softplus, sigmoid, identity (also "linear"). */
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

    /** The lower-case spelling used in model specs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
