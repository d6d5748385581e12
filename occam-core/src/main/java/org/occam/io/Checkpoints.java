package org.occam.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/** Loading checkpoints into a model: checks that a checkpoint's names, shapes and dtypes fit the model. */
public final class Checkpoints {
    private Checkpoints() {
    }

    /**
     * Throws unless {@code loaded} has exactly the names of {@code expected}, each with the same shape
     * and dtype (order does not matter). The message lists every problem, for example
     * {@code checkpoint does not match the model: missing [2.bias]; unexpected [3.weight]; shape
     * mismatch 0.weight: model [512, 784] vs checkpoint [256, 784]}. Missing names come in model
     * order, unexpected ones in checkpoint order, mismatches in model order; a dtype difference
     * reads {@code dtype mismatch 0.weight: model float32 vs checkpoint float64}.
     *
     * @param expected the model's parameters (names, shapes and dtypes wanted)
     * @param loaded the tensors read from the checkpoint
     * @throws IllegalArgumentException if they differ
     */
    public static void requireCompatible(Params expected, Params loaded) {
        Map<String, Tensor> have = loaded.asMap();
        Map<String, Tensor> want = expected.asMap();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : want.entrySet()) {
            Tensor got = have.get(e.getKey());
            if (got == null) {
                missing.add(e.getKey());
                continue;
            }
            Tensor model = e.getValue();
            if (!Shape.same(model.shapeRef(), got.shapeRef())) {
                mismatches.add("shape mismatch " + e.getKey() + ": model " + Shape.str(model.shapeRef())
                        + " vs checkpoint " + Shape.str(got.shapeRef()));
            }
            if (model.dtype() != got.dtype()) {
                mismatches.add("dtype mismatch " + e.getKey() + ": model " + model.dtype() + " vs checkpoint " + got.dtype());
            }
        }
        for (String name : have.keySet()) {
            if (!want.containsKey(name)) {
                unexpected.add(name);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty() && mismatches.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + missing);
        }
        if (!unexpected.isEmpty()) {
            parts.add("unexpected " + unexpected);
        }
        parts.addAll(mismatches);
        throw new IllegalArgumentException("checkpoint does not match the model: " + String.join("; ", parts));
    }

    /**
     * The dtype a safetensors checkpoint stores its tensors in (all of them share it, except
     * BatchNorm's num_batches_tracked counters, which PyTorch writes as int64).
     *
     * @param file a safetensors file
     * @return the dtype shared by its tensors
     * @throws IOException when the file cannot be read
     */
    public static DType dtypeOf(Path file) throws IOException {
        Params loaded = Safetensors.read(file);
        DType first = null;
        for (String name : loaded.names()) {
            if (name.endsWith("num_batches_tracked")) {
                continue;
            }
            DType d = loaded.get(name).dtype();
            if (first != null && d != first) {
                throw new IllegalArgumentException(file + ": mixes dtypes (" + first + ", " + d + "); save it in one dtype");
            }
            first = d;
        }
        if (first == null) {
            throw new IllegalArgumentException(file + ": holds no tensors");
        }
        return first;
    }

    /**
     * Reads a safetensors checkpoint for {@code model}: checks it with {@link #requireCompatible} and
     * returns the loaded tensors in the model's order (files written by PyTorch are ordered differently).
     *
     * @param file a safetensors file
     * @param model the model's parameters, giving the names, shapes, dtypes and order
     * @return the checkpoint's tensors in the model's order
     * @throws IOException when the file cannot be read
     */
    public static Params load(Path file, Params model) throws IOException {
        Params loaded = Safetensors.read(file);
        requireCompatible(model, loaded);
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String name : model.names()) {
            ordered.put(name, loaded.get(name));
        }
        return Params.of(ordered);
    }
}
