package org.occam.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * An optimizer's state: the number of updates taken and named buffers (e.g. "momentum.0.weight").
 * Immutable; checkpointed beside the parameters.
 */
public record OptState(long step, Params buffers) {

    public static OptState empty() {
        return new OptState(0, Params.of(new LinkedHashMap<>()));
    }

    /** The buffer of one kind for a parameter, or null if absent. */
    public Tensor buffer(String kind, String param) {
        Map<String, Tensor> m = buffers.asMap();
        return m.get(kind + "." + param);
    }

    /** Builds the buffers map for the next state. */
    public static Map<String, Tensor> newBuffers() {
        return new LinkedHashMap<>();
    }
}
