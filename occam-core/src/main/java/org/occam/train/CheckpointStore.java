package org.occam.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.occam.autodiff.Params;
import org.occam.io.AtomicFiles;
import org.occam.io.Checkpoints;
import org.occam.io.Safetensors;
import org.occam.nn.ModelState;
import org.occam.optim.OptState;

/**
 * Checkpoints in a directory: {@code step-<n>/model.safetensors} (the parameters and the model's
 * buffers, e.g. BatchNorm running statistics: a state_dict loadable by PyTorch's load_state_dict)
 * and {@code step-<n>/optimizer.safetensors} (optimizer buffers, with
 * the step counters in its metadata), and a {@code latest} file naming the newest complete one.
 *
 * <p>Each checkpoint is written into a temporary directory that is renamed into place, and only
 * then does {@code latest} move (write-then-rename), so a run killed at any moment finds either
 * the previous checkpoint or the new one, never a half-written mix.
 */
public final class CheckpointStore {
    private final Path dir;

    /** A loaded checkpoint. */
    public record Saved(long step, Params params, OptState optimizer, ModelState state) {
    }

    public CheckpointStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Writes a checkpoint for {@code step} and makes it the latest; older ones are removed. */
    public void save(long step, Params params, OptState opt) {
        save(step, params, ModelState.empty(), opt);
    }

    /** Writes a checkpoint of parameters, model buffers and optimizer state for {@code step}. */
    public void save(long step, Params params, ModelState state, OptState opt) {
        String name = String.format("step-%09d", step);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, ".tmp-" + name);
            StateDict.write(tmp.resolve("model.safetensors"), params, state, Map.of("step", Long.toString(step)));
            Safetensors.write(tmp.resolve("optimizer.safetensors"), opt.buffers(),
                    Map.of("step", Long.toString(step), "optimizer_step", Long.toString(opt.step())));
            Path target = dir.resolve(name);
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.writeString(dir.resolve("latest"), name + "\n");
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    String f = p.getFileName().toString();
                    if ((f.startsWith("step-") && !f.equals(name)) || f.startsWith(".tmp-")) {
                        deleteTree(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write checkpoint " + name + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The latest checkpoint, checked against the model's parameters (names, shapes, dtypes), or
     * empty when there is none.
     */
    public Optional<Saved> latest(Params model) {
        return latest(model, ModelState.empty());
    }

    /** The latest checkpoint, checked against the model's parameters and buffers (all must be present). */
    public Optional<Saved> latest(Params model, ModelState buffers) {
        Path pointer = dir.resolve("latest");
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            Path ck = dir.resolve(Files.readString(pointer).trim());
            StateDict.Loaded loaded = buffers.isEmpty()
                    ? new StateDict.Loaded(Checkpoints.load(ck.resolve("model.safetensors"), model), buffers)
                    : StateDict.read(ck.resolve("model.safetensors"), model, buffers);
            Path optFile = ck.resolve("optimizer.safetensors");
            Params optBuffers = Safetensors.read(optFile);
            Map<String, String> meta = Safetensors.readMetadata(optFile);
            long step = Long.parseLong(meta.get("step"));
            long optStep = Long.parseLong(meta.get("optimizer_step"));
            return Optional.of(new Saved(step, loaded.params(), new OptState(optStep, optBuffers), loaded.state()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            List<Path> all = s.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path q : all) {
                Files.deleteIfExists(q);
            }
        }
    }
}
