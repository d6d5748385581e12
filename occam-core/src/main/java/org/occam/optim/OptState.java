package org.occam.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * An optimizer's state: the number of updates taken and named buffers (e.g. "momentum.0.weight").
 * Immutable; checkpointed beside the parameters.
 *
 * @param step the number of updates taken
 * @param buffers the buffers by {@code kind.parameter} name
 */
public record OptState(long step, Params buffers) {

    /**
     * The state before the first update: step 0, no buffers.
     *
     * @return that state
     */
    public static OptState empty() {
        return new OptState(0, Params.of(new LinkedHashMap<>()));
    }

    /**
     * The buffer of one kind for a parameter, or null if absent.
     *
     * @param kind the buffer kind, e.g. {@code momentum}
     * @param param the parameter's name
     * @return the buffer, or null
     */
    public Tensor buffer(String kind, String param) {
        Map<String, Tensor> m = buffers.asMap();
        return m.get(kind + "." + param);
    }

    /**
     * Builds the buffers map for the next state.
     *
     * @return an empty, ordered map
     */
    public static Map<String, Tensor> newBuffers() {
        return new LinkedHashMap<>();
    }
}
