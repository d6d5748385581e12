package org.occam.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.occam.cli.config.ConfigWriter;
import org.occam.cli.config.Yaml;
import org.occam.cli.report.Reports;
import org.occam.io.AtomicFiles;
import org.occam.io.FolderLock;

/**
 * Runs a {@link Sweep} into a sweep folder:
 * <pre>
 *   sweep.yaml        the sweep as run: base config, axes, and every run's id and values
 *   RUN_ID/           one run folder per run ({@link org.occam.cli.run.RunDir})
 *   results.csv       one row per run ({@link ResultsTable})
 *   results.parquet   the same table, where the backend writes Parquet (Spark)
 *   report.html       the sweep report, linking each run's report
 * </pre>
 * Re-running a sweep into its folder skips the runs that completed or diverged, resumes the
 * others from their checkpoints, and rewrites the table: the result is the same, bit for bit, as
 * an uninterrupted sweep. A run folder made from a different config (the sweep file changed) stops
 * the sweep before any work.
 */
public final class Sweeps {
    private Sweeps() {
    }

    /**
     * How a sweep talks to the console.
     *
     * @param quiet  only the final summary
     * @param report write report.html
     * @param out    per-run lines and the summary
     * @param err    warnings
     */
    public record Options(boolean quiet, boolean report, PrintStream out, PrintStream err) {
    }

    /**
     * What a sweep did.
     *
     * @param dir     the sweep folder
     * @param table   the results
     * @param results one per run, in index order
     * @param parquet whether results.parquet was written
     * @param seconds wall time
     */
    public record Outcome(Path dir, ResultsTable table, List<RunResult> results, boolean parquet, double seconds) {
        /** Runs by state as shown (completed, did not learn, diverged, failed, ...). */
        public Map<String, Long> states() {
            return results.stream().collect(Collectors.groupingBy(RunResult::shownState, TreeMap::new, Collectors.counting()));
        }

        /** Runs by what the sweep did (ran, resumed, skipped, failed). */
        public Map<String, Long> actions() {
            return results.stream().collect(Collectors.groupingBy(RunResult::action, TreeMap::new, Collectors.counting()));
        }

        /** Whether any run failed. */
        public boolean anyFailed() {
            return results.stream().anyMatch(r -> r.state().equals("failed"));
        }
    }

    /** Runs the sweep into {@code dir} on {@code backend}, holding the folder's lock throughout. */
    public static Outcome run(Sweep sweep, Path dir, SweepBackend backend, Options o) {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is a file, not a folder");
        }
        try (FolderLock lock = FolderLock.acquire(root, "./occam sweep " + sweep.name())) {
            return runLocked(sweep, dir, root, backend, o);
        }
    }

    /** The sweep, with its folder locked ({@link FolderLock}): a second sweep into it refuses at once. */
    private static Outcome runLocked(Sweep sweep, Path dir, Path root, SweepBackend backend, Options o) {
        long t0 = System.nanoTime();
        prepare(sweep, root);
        List<RunTask> tasks = new ArrayList<>();
        for (Sweep.Run r : sweep.runs()) {
            tasks.add(new RunTask(root.toString(), r.index(), r.id(), ConfigWriter.toYaml(r.runConfig())));
        }
        if (!o.quiet()) {
            o.out().println("sweep " + sweep.name() + ": " + tasks.size() + (tasks.size() == 1 ? " run" : " runs") + " on "
                    + backend.describe() + " -> " + dir);
        }
        AtomicInteger finished = new AtomicInteger();
        int width = Integer.toString(tasks.size()).length();
        List<RunResult> results = backend.run(tasks, r -> {
            if (!o.quiet()) {
                synchronized (o.out()) {
                    o.out().println(String.format(Locale.ROOT, "[%" + width + "d/%d] %s: %s", finished.incrementAndGet(),
                            tasks.size(), r.id(), r.describe()));
                }
            }
        });
        results = new ArrayList<>(results);
        results.sort(java.util.Comparator.comparingInt(RunResult::index));
        if (results.size() != tasks.size()) {
            throw new IllegalStateException("the backend returned " + results.size() + " results for " + tasks.size() + " runs");
        }
        ResultsTable table = ResultsTable.of(sweep, results);
        table.writeCsv(root.resolve("results.csv"));
        boolean parquet = backend.writeParquet(table, root.resolve("results.parquet"));
        if (o.report()) {
            try {
                Reports.writeSweepReport(root);
            } catch (RuntimeException e) {
                o.err().println("occam: warning: the sweep report could not be written: " + e.getMessage());
            }
        }
        Outcome out = new Outcome(dir, table, results, parquet, (System.nanoTime() - t0) / 1e9);
        o.out().println(summary(sweep, out, o.report()));
        return out;
    }

    /** The last line, e.g. {@code sweep lr-bs: 4 runs: 3 completed, 1 diverged (ran 4) in 2.1 s -> runs/lr-bs/results.csv}. */
    static String summary(Sweep sweep, Outcome out, boolean report) {
        String states = out.states().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        String actions = out.actions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "sweep %s: %d %s: %s (%s) in %.1f s -> %s%s%s", sweep.name(), out.results().size(),
                out.results().size() == 1 ? "run" : "runs", states, actions, out.seconds(), out.dir().resolve("results.csv"),
                out.parquet() ? ", results.parquet" : "", report ? ", report.html" : "");
    }

    /**
     * Creates the folder, checks that every run folder in it belongs to this sweep and was made
     * with the same config, and writes sweep.yaml.
     */
    static void prepare(Sweep sweep, Path root) {
        try {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new IllegalArgumentException(root + " is a file, not a folder");
            }
            if (Files.isRegularFile(root.resolve("config.yaml")) || Files.isRegularFile(root.resolve("metrics.jsonl"))) {
                throw new IllegalArgumentException(root + " is a run folder, not a sweep folder; choose another --out");
            }
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sweep folder " + root + ": " + e.getMessage(), e);
        }
        Map<String, Sweep.Run> byId = new LinkedHashMap<>();
        sweep.runs().forEach(r -> byId.put(r.id(), r));
        List<String> strangers = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
                String name = p.getFileName().toString();
                boolean isRun = Files.isRegularFile(p.resolve("config.yaml")) || Files.isRegularFile(p.resolve("status.json"));
                if (!isRun) {
                    continue;
                }
                Sweep.Run run = byId.get(name);
                if (run == null) {
                    strangers.add(name);
                    continue;
                }
                Path saved = p.resolve("config.yaml");
                if (Files.isRegularFile(saved)) {
                    JsonNode was = Yaml.parse(Files.readString(saved, StandardCharsets.UTF_8), saved.toString());
                    JsonNode now = Yaml.parse(ConfigWriter.toYaml(run.runConfig()), "config");
                    String diff = firstDifference("", was, now);
                    if (diff != null) {
                        throw new IllegalArgumentException("run " + name + " in " + root + " was made with a different config ("
                                + diff + "): the sweep changed since; choose a new --out, or remove that run folder");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sweep folder " + root + ": " + e.getMessage(), e);
        }
        if (!strangers.isEmpty()) {
            throw new IllegalArgumentException(root + " holds run folders that are not runs of this sweep (" + String.join(", ",
                    strangers.subList(0, Math.min(3, strangers.size()))) + (strangers.size() > 3 ? ", ..." : "")
                    + "): the sweep changed since; choose a new --out");
        }
        try {
            AtomicFiles.writeString(root.resolve("sweep.yaml"), record(sweep));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve("sweep.yaml") + ": " + e.getMessage(), e);
        }
    }

    /** The first field where two config trees differ, e.g. {@code lr.base: 0.1 then, 0.2 now}, or null. */
    static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            Set<String> names = new java.util.LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String d = firstDifference(path.isEmpty() ? n : path + "." + n, a.path(n), b.path(n));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                String d = firstDifference(path + "." + i, a.get(i), b.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.equals(b) || (a.isNumber() && b.isNumber() && a.doubleValue() == b.doubleValue())) {
            return null;
        }
        return path + ": " + Values.show(a) + " then, " + Values.show(b) + " now";
    }

    /** sweep.yaml: what was run, for the record. */
    static String record(Sweep sweep) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode t = f.objectNode();
        t.put("name", sweep.name());
        if (sweep.baseFile() != null) {
            t.put("base_file", sweep.baseFile().toString());
        }
        t.set("base", sweep.base());
        ArrayNode axes = t.putArray("axes");
        for (Axis a : sweep.axes()) {
            ObjectNode o = axes.addObject();
            o.put("key", a.key());
            o.put("from", a.where());
            if (a.random()) {
                o.put("distribution", a.distribution().describe());
            } else {
                ArrayNode v = o.putArray("values");
                a.values().forEach(v::add);
            }
        }
        ArrayNode runs = t.putArray("runs");
        for (Sweep.Run r : sweep.runs()) {
            ObjectNode o = runs.addObject();
            o.put("id", r.id());
            ObjectNode v = o.putObject("values");
            r.values().forEach(v::set);
        }
        return "# The sweep as run by occam sweep: base config (after --set), axes, and each run's values.\n"
                + "# Re-running the sweep file into this folder skips finished runs and resumes the others.\n" + Yaml.write(t);
    }
}
