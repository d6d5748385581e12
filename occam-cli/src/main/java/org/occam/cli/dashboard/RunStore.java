package org.occam.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.occam.cli.config.ComponentConfig;
import org.occam.cli.config.Configs;
import org.occam.cli.config.ExperimentConfig;

/**
 * The read-only view of a run store that the dashboard serves: the runs under a root folder (any
 * folder holding a {@code config.yaml} and a {@code metrics.jsonl} or {@code status.json}, at most
 * {@value #MAX_DEPTH} levels down) and their metrics rows, read incrementally by byte offset.
 * Nothing here writes; every path a client names must resolve inside the root.
 */
public final class RunStore {
    /** How deep below the root runs are looked for (a sweep's runs sit two levels down). */
    public static final int MAX_DEPTH = 4;
    /** The most bytes of metrics returned by one read (the client asks again from the offset it gets back). */
    public static final int MAX_CHUNK = 4 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;
    private final Map<Path, Threshold> thresholds = new ConcurrentHashMap<>();

    /** A store rooted at {@code root} (an existing folder). */
    public RunStore(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a folder: give the folder that holds your runs (e.g. runs)");
        }
        this.root = root.toAbsolutePath().normalize();
    }

    /** The root folder. */
    public Path root() {
        return root;
    }

    /** Every run under the root, newest first: path (relative), name, status fields and the stability threshold rule. */
    public List<Map<String, Object>> runs() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
            dirs = s.filter(Files::isDirectory)
                    .filter(d -> Files.isRegularFile(d.resolve("config.yaml"))
                            && (Files.isRegularFile(d.resolve("metrics.jsonl")) || Files.isRegularFile(d.resolve("status.json"))))
                    .toList();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path d : dirs) {
            out.add(describe(d));
        }
        out.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("updated"))).reversed()
                .thenComparing(m -> String.valueOf(m.get("path"))));
        return out;
    }

    private Map<String, Object> describe(Path d) {
        Map<String, Object> m = new LinkedHashMap<>();
        String rel = root.relativize(d).toString().replace('\\', '/');
        m.put("path", rel.isEmpty() ? "." : rel);
        Path parent = d.getParent();
        m.put("sweep", sweepOf(d));
        m.put("name", d.getFileName().toString());
        m.put("state", "unknown");
        try {
            if (Files.isRegularFile(d.resolve("status.json"))) {
                JsonNode s = JSON.readTree(d.resolve("status.json").toFile());
                s.properties().forEach(e -> m.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
            }
        } catch (IOException | RuntimeException e) {
            m.put("state", "unknown");
            m.put("message", "unreadable status.json: " + e.getMessage());
        }
        m.putIfAbsent("updated", "");
        m.put("threshold", cachedThreshold(d));
        return m;
    }

    /** The sweep folder (relative) a run belongs to: the nearest ancestor below the root holding sweep.yaml, or null. */
    private String sweepOf(Path run) {
        for (Path p = run.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("sweep.yaml"))) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                return rel.isEmpty() ? "." : rel;
            }
        }
        return null;
    }

    /** A run's config read once per version of its file (the page asks every second), then its threshold. */
    private Double cachedThreshold(Path run) {
        Path config = run.resolve("config.yaml");
        FileTime stamp;
        try {
            stamp = Files.getLastModifiedTime(config);
        } catch (IOException e) {
            return null;
        }
        Threshold t = thresholds.compute(run, (k, old) -> old != null && old.stamp().equals(stamp) ? old
                : new Threshold(stamp, threshold(run)));
        return t.value();
    }

    /** A run's threshold and the modification time of the config it was read from. */
    private record Threshold(FileTime stamp, Double value) {
    }

    /**
     * The edge-of-stability threshold of the run's optimizer as a multiple of 1/h: 2 for plain gradient
     * descent, 2 + 2β for heavy-ball momentum β (docs/dashboard.md), null for Nesterov and adaptive
     * optimizers, whose sharpness has no such line.
     */
    static Double threshold(Path run) {
        try {
            ExperimentConfig c = Configs.load(run.resolve("config.yaml"), List.of());
            ComponentConfig o = c.optimizer();
            return switch (o.name()) {
                case "sgd" -> 2.0;
                case "momentum" -> 2 + 2 * ((Number) o.params().getOrDefault("momentum", 0.9)).doubleValue();
                default -> null; // Nesterov, Adam, ...: the plain threshold does not apply
            };
        } catch (RuntimeException e) {
            return null; // a game, or a config this version cannot read: no line
        }
    }

    /** The metrics rows of the run at {@code rel} from byte {@code from} up to the last complete line, and the next offset. */
    public Map<String, Object> metrics(String rel, long from) throws IOException {
        Path file = resolve(rel).resolve("metrics.jsonl");
        List<Object> rows = new ArrayList<>();
        long next = Math.max(0, from);
        if (Files.isRegularFile(file)) {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                long size = f.length();
                if (next > size) {
                    next = 0; // the file was truncated (a resumed run rewrote its tail): start again
                    rows.add(Map.of("reset", true));
                }
                int len = (int) Math.min(MAX_CHUNK, size - next);
                byte[] buf = new byte[len];
                f.seek(next);
                f.readFully(buf);
                int end = len;
                while (end > 0 && buf[end - 1] != '\n') {
                    end--;
                }
                for (String line : new String(buf, 0, end, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        rows.add(JSON.readValue(line, Map.class));
                    }
                }
                next += end;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("next", next);
        return m;
    }

    /** The folder of a run named relative to the root; refuses anything that leaves the root. */
    Path resolve(String rel) {
        Path p = root.resolve(rel == null ? "" : rel).toAbsolutePath().normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("run path '" + rel + "' leaves the dashboard's folder");
        }
        return p;
    }
}
