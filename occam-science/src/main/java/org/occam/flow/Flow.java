package org.occam.flow;

import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * A named continuous-time model of gradient-descent iterates: an autonomous vector field on a flat
 * float64 state that maps to the parameters θ. For most flows the state is θ itself; the complex
 * principal flow holds (Re θ, Im θ) and reads θ as the real part ({@link #lift}, {@link #theta}).
 * The field is an {@link Rk4.Field}, so {@link Rk4} and {@link DormandPrince} integrate it directly.
 */
public interface Flow extends Rk4.Field {
    /**
     * A short name ("gf", "igr", "pf", ...).
     *
     * @return the name
     */
    String name();

    /**
     * The flow's state at a starting point θ₀ (θ₀ itself by default).
     *
     * @param theta0 θ₀
     * @return the state
     */
    default double[] lift(double[] theta0) {
        return theta0.clone();
    }

    /**
     * The parameters a state stands for (the state itself by default).
     *
     * @param state a state of the flow
     * @return θ
     */
    default double[] theta(double[] state) {
        return state.clone();
    }

    /**
     * A flow whose state is the flattened parameter tree: θ̇ = field(θ), evaluated in float64 on
     * trees shaped like {@code template} (its names and shapes; values are ignored).
     *
     * @param name the flow's name
     * @param field the vector field θ ↦ θ̇
     * @param template the tree's names and shapes
     * @return the flow
     */
    static Flow of(String name, Function<Params, Params> field, Params template) {
        Params shape = template.map(t -> t.to(DType.FLOAT64).detach());
        int n = shape.numel();
        return new Flow() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] at(double t, double[] y) {
                return field.apply(shape.unflatten(Tensor.of(DType.FLOAT64, y, n))).flatten().toDoubleArray();
            }
        };
    }

    /**
     * A flow on the state vector itself, from a flat field y ↦ ẏ.
     *
     * @param name the flow's name
     * @param field the vector field y ↦ ẏ
     * @return the flow
     */
    static Flow of(String name, java.util.function.UnaryOperator<double[]> field) {
        return new Flow() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] at(double t, double[] y) {
                return field.apply(y);
            }
        };
    }

    /**
     * θ as a float64 tree shaped like {@code template}.
     *
     * @param template the tree's names and shapes
     * @param theta the flat values
     * @return the tree
     */
    static Params params(Params template, double[] theta) {
        return template.map(t -> t.to(DType.FLOAT64).detach()).unflatten(Tensor.of(DType.FLOAT64, theta, theta.length));
    }
}
