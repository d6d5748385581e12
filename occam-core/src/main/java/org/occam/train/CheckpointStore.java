package org.occam.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.occam.autodiff.Params;
import org.occam.io.AtomicFiles;
import org.occam.io.Checkpoints;
import org.occam.io.FaultPoints;
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
 *
 * <p>History: the newest {@code keep} checkpoints stay (default {@link #DEFAULT_KEEP}), and any
 * checkpoint marked as a keeper ({@link #mark}, or a file named {@value #KEEPER} in its folder);
 * older ones are removed after each save, as are checkpoints of steps after the one just saved
 * (left by a run that resumed from an earlier one). {@link #latest} falls back from an unreadable
 * checkpoint to the newest readable one and says so through the store's notes; a {@code latest}
 * pointer that does not name a checkpoint folder of this store is refused.
 */
public final class CheckpointStore {
    /** Checkpoints kept by default. */
    public static final int DEFAULT_KEEP = 3;
    /** The marker file that keeps a checkpoint whatever its age. */
    public static final String KEEPER = "keep";

    private static final Pattern NAME = Pattern.compile("step-(\\d{9,19})");

    private final Path dir;
    private final int keep;
    private final Consumer<String> notes;

    /**
     * A loaded checkpoint.
     *
     * @param step the step the checkpoint was written at
     * @param params the parameters at that step
     * @param optimizer the optimizer's state at that step
     * @param state the model's buffers at that step
     */
    public record Saved(long step, Params params, OptState optimizer, ModelState state) {
    }

    /**
     * A store keeping {@link #DEFAULT_KEEP} checkpoints, with no notes.
     *
     * @param dir the folder holding the {@code step-N} checkpoint folders
     */
    public CheckpointStore(Path dir) {
        this(dir, DEFAULT_KEEP, note -> { });
    }

    /**
     * A store keeping the newest {@code keep} (≥ 1) checkpoints plus the marked ones; {@code notes}
     * hears about fallbacks past unreadable checkpoints (one line each).
     *
     * @param dir the folder holding the {@code step-N} checkpoint folders
     * @param keep how many of the newest checkpoints to keep
     * @param notes receives the fallback notes (null: discarded)
     */
    public CheckpointStore(Path dir, int keep, Consumer<String> notes) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep_checkpoints must be at least 1, got " + keep);
        }
        this.dir = dir;
        this.keep = keep;
        this.notes = notes == null ? note -> { } : notes;
    }

    /**
     * The folder of the checkpoints.
     *
     * @return the folder
     */
    public Path dir() {
        return dir;
    }

    /**
     * Writes a checkpoint for {@code step} and makes it the latest; older ones beyond the history are removed.
     *
     * @param step the step the parameters belong to
     * @param params the parameters
     * @param opt the optimizer's state
     */
    public void save(long step, Params params, OptState opt) {
        save(step, params, ModelState.empty(), opt);
    }

    /**
     * Writes a checkpoint of parameters, model buffers and optimizer state for {@code step}.
     *
     * @param step the step the state belongs to
     * @param params the parameters
     * @param state the model's buffers (BatchNorm running statistics)
     * @param opt the optimizer's state
     */
    public void save(long step, Params params, ModelState state, OptState opt) {
        String name = name(step);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempDirectory(dir, ".tmp-" + name);
            StateDict.write(tmp.resolve("model.safetensors"), params, state, Map.of("step", Long.toString(step)));
            FaultPoints.hit(FaultPoints.CHECKPOINT_MIDWAY);
            Safetensors.write(tmp.resolve("optimizer.safetensors"), opt.buffers(), metadata(step, opt.step()));
            Path target = dir.resolve(name);
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            AtomicFiles.writeString(dir.resolve("latest"), name + "\n");
            prune(step);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("could not write checkpoint " + name + " in " + dir + " (the previous checkpoint"
                    + " is kept): " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                deleteTree(p);
            } catch (IOException | RuntimeException ignored) {
                // a leftover temporary is removed by the next save
            }
        }
    }

    /**
     * The optimizer file's metadata in a fixed (sorted) order, so that equal states give equal bytes
     * in any JVM ({@code Map.of}'s iteration order changes from one JVM to the next).
     */
    static Map<String, String> metadata(long step, long optimizerStep) {
        Map<String, String> m = new TreeMap<>();
        m.put("step", Long.toString(step));
        m.put("optimizer_step", Long.toString(optimizerStep));
        return m;
    }

    /**
     * Marks the checkpoint of {@code step} as a keeper: it survives every later prune.
     *
     * @param step the step of a checkpoint in the store
     */
    public void mark(long step) {
        Path folder = dir.resolve(name(step));
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no checkpoint " + name(step) + " in " + dir + " to keep");
        }
        try {
            AtomicFiles.writeString(folder.resolve(KEEPER), "kept\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not mark " + folder + " as a keeper: " + e.getMessage(), e);
        }
    }

    /**
     * The steps of the checkpoints in the store, oldest first.
     *
     * @return the steps, ascending
     */
    public List<Long> steps() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p)) {
                    out.add(Long.parseLong(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the checkpoints in " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Removes the checkpoints after {@code saved}, those beyond the newest {@code keep} that are not keepers, and temporaries. */
    private void prune(long saved) throws IOException {
        List<Long> steps = steps();
        int kept = 0;
        for (int i = steps.size() - 1; i >= 0; i--) {
            long s = steps.get(i);
            Path p = dir.resolve(name(s));
            if (s > saved) {
                deleteTree(p);
            } else if (kept < keep) {
                kept++;
            } else if (!Files.exists(p.resolve(KEEPER))) {
                deleteTree(p);
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().startsWith(".tmp-")) {
                    deleteTree(p);
                }
            }
        }
    }

    /**
     * The latest checkpoint, checked against the model's parameters (names, shapes, dtypes), or
     * empty when there is none.
     *
     * @param model the model's parameters, to check the checkpoint against
     * @return the checkpoint, or empty
     */
    public Optional<Saved> latest(Params model) {
        return latest(model, ModelState.empty());
    }

    /**
     * The newest readable checkpoint, checked against the model's parameters and buffers (all must be
     * present), or empty when there is none. The one {@code latest} names is tried first, then the
     * older ones, newest first (a fallback is said through the notes); when none can be read, the
     * first error is thrown.
     *
     * @param model the model's parameters, to check the checkpoint against
     * @param buffers the model's buffers, to check the checkpoint against
     * @return the newest readable checkpoint, or empty
     * @throws IllegalArgumentException when {@code latest} does not name a checkpoint folder of this store
     */
    public Optional<Saved> latest(Params model, ModelState buffers) {
        List<Long> steps = new ArrayList<>(steps());
        Collections.reverse(steps);
        Path pointer = dir.resolve("latest");
        if (Files.isRegularFile(pointer)) {
            long named = pointed(pointer);
            steps.removeIf(s -> s > named);
            steps.remove(Long.valueOf(named));
            steps.addFirst(named);
        } else if (!steps.isEmpty()) {
            notes.accept(dir + " has no latest pointer; using the newest checkpoint folder, " + name(steps.getFirst()));
        }
        RuntimeException error = null;
        String failed = null;
        for (long s : steps) {
            try {
                Saved saved = load(s, model, buffers);
                if (failed != null) {
                    notes.accept("checkpoint " + failed + " cannot be read (" + error.getMessage() + "); resuming from "
                            + name(s) + ", the newest valid checkpoint");
                }
                return Optional.of(saved);
            } catch (IOException | RuntimeException e) {
                if (error == null) {
                    error = e instanceof IOException io
                            ? new UncheckedIOException("could not read the checkpoint " + name(s) + " in " + dir + ": "
                            + e.getMessage(), io)
                            : (RuntimeException) e;
                    failed = name(s);
                }
            }
        }
        if (error != null) {
            throw error;
        }
        return Optional.empty();
    }

    /** The step the pointer names; it must be a step-N name of a folder directly in this store. */
    private long pointed(Path pointer) {
        String text;
        try {
            text = Files.readString(pointer).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + pointer + ": " + e.getMessage(), e);
        }
        Matcher m = NAME.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(pointer + " names '" + (text.length() > 80 ? text.substring(0, 80) + "..." : text)
                    + "', not a checkpoint folder of this run (step-NNNNNNNNN inside " + dir + "); delete it to resume from"
                    + " the newest checkpoint folder");
        }
        return Long.parseLong(m.group(1));
    }

    private Saved load(long s, Params model, ModelState buffers) throws IOException {
        Path ck = dir.resolve(name(s));
        StateDict.Loaded loaded = buffers.isEmpty()
                ? new StateDict.Loaded(Checkpoints.load(ck.resolve("model.safetensors"), model), buffers)
                : StateDict.read(ck.resolve("model.safetensors"), model, buffers);
        Path optFile = ck.resolve("optimizer.safetensors");
        Params optBuffers = Safetensors.read(optFile);
        Map<String, String> meta = Safetensors.readMetadata(optFile);
        String stepText = meta.get("step");
        String optText = meta.get("optimizer_step");
        if (stepText == null || optText == null) {
            throw new IllegalArgumentException(optFile + " lacks the step or optimizer_step metadata");
        }
        long step = Long.parseLong(stepText);
        if (step != s) {
            throw new IllegalArgumentException(optFile + " says step " + step + " but its folder is " + name(s));
        }
        return new Saved(step, loaded.params(), new OptState(Long.parseLong(optText), optBuffers), loaded.state());
    }

    private static String name(long step) {
        return String.format("step-%09d", step);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            List<Path> all = s.sorted(Comparator.reverseOrder()).toList();
            for (Path q : all) {
                Files.deleteIfExists(q);
            }
        }
    }
}
