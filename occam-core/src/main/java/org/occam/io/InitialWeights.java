package org.occam.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * Initial parameters taken from a safetensors file (a config's {@code model.init_from}). Strict:
 * the file must have exactly the model's names and shapes ({@link Checkpoints#requireCompatible}).
 * Non-strict: every name with the model's shape is taken, the rest keep their fresh initialization,
 * and the notes list what was skipped. Tensors in another dtype are cast to the model's, with a note.
 *
 * @param params the initial parameters
 * @param notes  one line per fact worth telling (what was loaded, cast, kept or ignored)
 */
public record InitialWeights(Params params, List<String> notes) {

    /**
     * Reads {@code file} into the names and shapes of {@code fresh} (the model's own initialization).
     *
     * @param file a safetensors file with the starting weights
     * @param fresh the model's freshly initialized parameters (names, shapes and dtype to match)
     * @param strict whether every name and shape must match; if not, matching tensors are loaded and the rest keep {@code fresh}'s values
     * @return the weights to start from, with notes on what was loaded, cast, kept or ignored
     * @throws IOException when the file cannot be read
     */
    public static InitialWeights load(Path file, Params fresh, boolean strict) throws IOException {
        Params read = Safetensors.read(file);
        List<String> notes = new ArrayList<>();
        Map<String, Tensor> cast = new LinkedHashMap<>();
        boolean wasCast = false;
        for (String name : read.names()) {
            Tensor t = read.get(name);
            wasCast |= t.dtype() != fresh.dtype();
            cast.put(name, t.to(fresh.dtype()));
        }
        if (wasCast) {
            notes.add("init_from " + file.getFileName() + ": cast to " + fresh.dtype());
        }
        Params loaded = Params.of(cast);
        if (strict) {
            Checkpoints.requireCompatible(fresh, loaded);
            notes.add("init_from " + file + ": all " + fresh.names().size() + " tensors loaded");
            return new InitialWeights(Params.of(ordered(fresh, cast)), List.copyOf(notes));
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        List<String> shape = new ArrayList<>();
        for (String name : fresh.names()) {
            Tensor want = fresh.get(name);
            Tensor got = cast.get(name);
            if (got != null && Shape.same(want.shapeRef(), got.shapeRef())) {
                out.put(name, got);
            } else {
                out.put(name, want);
                if (got == null) {
                    kept.add(name);
                } else {
                    shape.add(name + " (model " + Shape.str(want.shapeRef()) + " vs file " + Shape.str(got.shapeRef()) + ")");
                }
            }
        }
        List<String> ignored = read.names().stream().filter(n -> !fresh.asMap().containsKey(n)).toList();
        notes.add("init_from " + file + " (init_strict: false): " + (fresh.names().size() - kept.size() - shape.size())
                + " of " + fresh.names().size() + " tensors loaded");
        if (!kept.isEmpty()) {
            notes.add("  not in the file, freshly initialized: " + kept);
        }
        if (!shape.isEmpty()) {
            notes.add("  shape differs, freshly initialized: " + shape);
        }
        if (!ignored.isEmpty()) {
            notes.add("  in the file but not in the model, ignored: " + ignored);
        }
        return new InitialWeights(Params.of(out), List.copyOf(notes));
    }

    private static Map<String, Tensor> ordered(Params model, Map<String, Tensor> loaded) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : model.names()) {
            out.put(name, loaded.get(name));
        }
        return out;
    }
}
