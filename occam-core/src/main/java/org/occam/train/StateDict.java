package org.occam.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.io.Checkpoints;
import org.occam.io.Safetensors;
import org.occam.nn.ModelState;
import org.occam.tensor.Tensor;

/**
 * A model's parameters and buffers as one safetensors state_dict, as PyTorch's
 * {@code model.state_dict()} holds them: written together, read back strictly (every name, shape
 * and dtype) and split again. num_batches_tracked, an int64 in PyTorch files, is read as a float.
 */
public final class StateDict {
    private StateDict() {
    }

    /**
     * Parameters and buffers read from a state_dict file.
     *
     * @param params the parameters, in the model's order
     * @param state the buffers, in the model's order
     */
    public record Loaded(Params params, ModelState state) {
    }

    /**
     * Parameters followed by buffers, in one tree (the file's contents).
     *
     * @param params the parameters
     * @param state the buffers
     * @return both in one tree, parameters first
     */
    public static Params join(Params params, ModelState state) {
        Map<String, Tensor> m = new LinkedHashMap<>(params.asMap());
        for (String name : state.names()) {
            if (m.put(name, state.get(name)) != null) {
                throw new IllegalArgumentException("'" + name + "' is both a parameter and a buffer");
            }
        }
        return Params.of(m);
    }

    /**
     * Writes parameters and buffers to {@code file} with the given metadata.
     *
     * @param file the safetensors file to write
     * @param params the parameters
     * @param state the buffers
     * @param metadata string pairs for the file's header, or null
     * @throws IOException when writing fails
     */
    public static void write(Path file, Params params, ModelState state, Map<String, String> metadata) throws IOException {
        Safetensors.write(file, join(params, state), metadata);
    }

    /**
     * Reads {@code file} strictly against the model's parameters and buffers. A file that has the
     * parameters but lacks buffers fails with one line naming the first missing buffer and the fix.
     *
     * @param file a safetensors file
     * @param params the model's parameters (names, shapes, dtypes)
     * @param state the model's buffers (names, shapes, dtypes)
     * @return the file's parameters and buffers in the model's order
     * @throws IOException when the file cannot be read
     */
    public static Loaded read(Path file, Params params, ModelState state) throws IOException {
        Params raw = Safetensors.read(file);
        List<String> missing = new ArrayList<>();
        for (String name : state.names()) {
            if (!raw.asMap().containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(file + " lacks the buffer " + missing.get(0)
                    + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more buffers)" : "")
                    + ": a BatchNorm model's checkpoint must hold its running statistics; save the full state_dict"
                    + " (PyTorch: model.state_dict(); Occam checkpoints include them)");
        }
        Map<String, Tensor> fixed = new LinkedHashMap<>(raw.asMap());
        for (String name : state.names()) {
            Tensor t = fixed.get(name);
            if (name.endsWith("num_batches_tracked") && t.dtype() != state.get(name).dtype()) {
                fixed.put(name, t.to(state.get(name).dtype()));
            }
        }
        Params all = join(params, state);
        Checkpoints.requireCompatible(all, Params.of(fixed));
        Map<String, Tensor> p = new LinkedHashMap<>();
        for (String name : params.names()) {
            p.put(name, fixed.get(name));
        }
        Map<String, Tensor> b = new LinkedHashMap<>();
        for (String name : state.names()) {
            b.put(name, fixed.get(name));
        }
        return new Loaded(Params.of(p), ModelState.of(b));
    }
}
