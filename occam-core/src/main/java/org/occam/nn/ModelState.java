package org.occam.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * A model's buffers (BatchNorm's {@code running_mean}, {@code running_var},
 * {@code num_batches_tracked}), by their PyTorch state_dict names: the state that a forward pass in
 * {@link Mode#TRAIN} updates, kept next to the parameters and never differentiated or regularized.
 * An immutable value; a train-mode forward returns a new one.
 *
 * @param buffers the buffers by state_dict name
 */
public record ModelState(Params buffers) {
    private static final ModelState EMPTY = new ModelState(Params.of(new LinkedHashMap<>()));

    /** Refuses a null tree (use {@link #empty()}). */
    public ModelState {
        if (buffers == null) {
            throw new IllegalArgumentException("model state buffers must not be null (use ModelState.empty())");
        }
    }

    /**
     * The state of a stateless model.
     *
     * @return the empty state
     */
    public static ModelState empty() {
        return EMPTY;
    }

    /**
     * A state holding the given buffers, in order.
     *
     * @param buffers the buffers by state_dict name
     * @return the state
     */
    public static ModelState of(Map<String, Tensor> buffers) {
        return buffers.isEmpty() ? EMPTY : new ModelState(Params.of(buffers));
    }

    /**
     * Whether there are no buffers.
     *
     * @return true for a stateless model
     */
    public boolean isEmpty() {
        return buffers.size() == 0;
    }

    /**
     * The buffer called {@code name}; throws naming it when absent.
     *
     * @param name the buffer's state_dict name
     * @return the buffer
     */
    public Tensor get(String name) {
        Tensor t = buffers.asMap().get(name);
        if (t == null) {
            throw new IllegalArgumentException("model state has no buffer '" + name + "' (it has " + buffers.names() + ")");
        }
        return t;
    }

    /**
     * The buffers' names, in order.
     *
     * @return the names
     */
    public List<String> names() {
        return buffers.names();
    }

    @Override
    public String toString() {
        return "ModelState" + buffers.names();
    }
}
