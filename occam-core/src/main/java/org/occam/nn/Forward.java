package org.occam.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * One forward pass's mode, buffers and dropout key, as stateful layers see it: layers read their
 * buffers by local name and, in {@link Mode#TRAIN}, write their updated buffers; containers hand
 * each child a view under its name prefix. {@link Model#forward} creates one per call and returns
 * the buffers it ends with as a new {@link ModelState}, so the model stays a function of
 * (parameters, state, input, mode).
 *
 * <p>{@link #run} makes a frame the ambient one for a computation, so that an objective or a
 * measurement written over {@code model.apply(params, x)} evaluates a stateful model in that
 * frame (the training loop runs each step's gradient in a TRAIN frame and its monitors in an EVAL
 * frame). Outside any frame, a stateful layer reached through {@code apply(params, x)} throws.
 */
public final class Forward {
    private static final ScopedValue<Forward> AMBIENT = ScopedValue.newInstance();

    private final Mode mode;
    private final long key;
    private final Map<String, Tensor> buffers;
    private final String prefix;

    private Forward(Mode mode, long key, Map<String, Tensor> buffers, String prefix) {
        this.mode = mode;
        this.key = key;
        this.buffers = buffers;
        this.prefix = prefix;
    }

    /**
     * A frame over {@code state}; {@code key} seeds dropout masks in TRAIN mode.
     *
     * @param state the buffers before the pass
     * @param mode TRAIN or EVAL
     * @param key the seed of dropout masks
     * @return the frame
     */
    public static Forward of(ModelState state, Mode mode, long key) {
        if (mode == null) {
            throw new IllegalArgumentException("a forward pass needs a mode (Mode.TRAIN or Mode.EVAL)");
        }
        return new Forward(mode, key, new LinkedHashMap<>(state.buffers().asMap()), "");
    }

    /**
     * The ambient frame (see {@link #run}), or null outside one.
     *
     * @return the ambient frame, or null
     */
    public static Forward ambient() {
        return AMBIENT.isBound() ? AMBIENT.get() : null;
    }

    /** The ambient frame; throws a message naming {@code layer} and the fix when there is none. */
    static Forward required(Forward f, String layer) {
        if (f != null) {
            return f;
        }
        throw new IllegalStateException(layer + " needs a mode (train/eval) and the model's buffers: call"
                + " model.forward(params, state, x, mode), or use model.bind(state, mode) as a function of the parameters");
    }

    /**
     * Runs {@code body} with this frame ambient (for layers reached through {@code apply(params, x)}).
     *
     * @param <T> the body's result type
     * @param body the computation to run
     * @return the body's result
     */
    public <T> T run(Supplier<T> body) {
        return ScopedValue.where(AMBIENT, this).call(body::get);
    }

    /**
     * The mode of this pass.
     *
     * @return TRAIN or EVAL
     */
    public Mode mode() {
        return mode;
    }

    /**
     * A view of this frame for the child layer called {@code name} (its buffers are "name.*").
     *
     * @param name the child's name
     * @return the child's view of this frame
     */
    public Forward child(String name) {
        return new Forward(mode, key, buffers, prefix + name + ".");
    }

    /**
     * The current value of the buffer with this local name.
     *
     * @param local the buffer's name inside the layer
     * @return its current value
     */
    public Tensor buffer(String local) {
        Tensor t = buffers.get(prefix + local);
        if (t == null) {
            throw new IllegalArgumentException("model state has no buffer '" + prefix + local
                    + "': create the state with model.initState(dtype) or load it from the checkpoint");
        }
        return t;
    }

    /**
     * Replaces the buffer with this local name (TRAIN mode only; the value must be a constant).
     *
     * @param local the buffer's name inside the layer
     * @param value the new value (a constant, not recorded for autodiff)
     */
    public void update(String local, Tensor value) {
        if (mode != Mode.TRAIN) {
            throw new IllegalStateException("buffer " + prefix + local + " updated in " + mode.label() + " mode");
        }
        buffer(local);
        buffers.put(prefix + local, value);
    }

    /**
     * A generator for this layer's randomness (dropout), determined by the key and the layer's name.
     *
     * @param local a name for the randomness inside the layer
     * @return the generator
     */
    public Rng rng(String local) {
        return Rng.seed(key).split((prefix + local).hashCode());
    }

    /**
     * The buffers as they are now (after the updates of the passes run so far).
     *
     * @return the current buffers
     */
    public ModelState state() {
        return ModelState.of(buffers);
    }
}
