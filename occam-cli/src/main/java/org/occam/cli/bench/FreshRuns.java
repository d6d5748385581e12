package org.occam.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.cli.run.Interrupts;
import org.occam.cli.run.ParentWatch;

/**
 * The fair benchmark: every case (workload, dtype, threads) runs in fresh processes, Occam and
 * PyTorch alternating (A, B, A, B, ...), and each side's figure is the median over its processes.
 * A "1 thread" run gets one core on both sides: pinned with taskset where it exists, and Occam's
 * JVM also runs one GC thread and the fewest JIT threads. PyTorch runs with OPENBLAS_CORETYPE and
 * OPENBLAS_L2_SIZE removed from its environment (only there), so OpenBLAS picks the machine's own
 * kernel; the script records which and checks float32 results against float64.
 */
public final class FreshRuns {
    /** Both sides of one case: medians over fresh processes, their spread, and the worst load seen. */
    public record Row(String key, Record occam, Record torch, int occamRuns, int torchRuns, Double occamSpread,
                      Double torchSpread, Double occamLoad, Double torchLoad) {
    }

    /** All raw records, the summary rows, and the PyTorch side's meta line (or why it was skipped). */
    public record Outcome(List<Record> raw, List<Row> rows, String torchMeta, String torchSkipped) {
    }

    private FreshRuns() {
    }

    /** One unit of work: a workload at one dtype and thread count. */
    private record Unit(String workload, String dtype, int threads) {
    }

    public static Outcome run(List<String> workloads, List<String> dtypes, List<Integer> threads, boolean quick,
                              int processes, boolean torch, Path mnistDir, PrintStream log) {
        List<Record> raw = new ArrayList<>();
        String meta = null;
        String skipped = torch ? null : "disabled with --torch off";
        for (String d : dtypes) {
            for (int t : threads) {
                for (String w : workloads) {
                    if ((w.equals(BenchSuite.EIGH) && !d.equals("float64")) || (w.equals(BenchSuite.MNIST_EPOCH)
                            && !d.equals("float32"))) {
                        continue;
                    }
                    Unit u = new Unit(w, d, t);
                    for (int p = 0; p < processes; p++) {
                        raw.addAll(child(occamCommand(u, quick), Map.of("OCCAM_THREADS", String.valueOf(t)), List.of(),
                                "occam", log, null));
                        if (skipped == null) {
                            String[] m = new String[2];
                            raw.addAll(child(torchCommand(u, quick, mnistDir), Map.of(),
                                    List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"), "torch", log, m));
                            meta = m[0] != null ? m[0] : meta;
                            skipped = m[1];
                        }
                    }
                }
            }
        }
        return new Outcome(raw, summarize(raw), meta, skipped);
    }

    /** Medians over processes per case and side; spread = (max − min) / median of the per-process medians. */
    public static List<Row> summarize(List<Record> raw) {
        Map<String, List<Record>> occ = new LinkedHashMap<>();
        Map<String, List<Record>> tor = new LinkedHashMap<>();
        for (Record r : raw) {
            (r.impl().equals("torch") ? tor : occ).computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Record>> e : occ.entrySet()) {
            List<Record> o = e.getValue();
            List<Record> t = tor.getOrDefault(e.getKey(), List.of());
            rows.add(new Row(e.getKey(), medianRecord(o), t.isEmpty() ? null : medianRecord(t), o.size(), t.size(),
                    spread(o), t.isEmpty() ? null : spread(t), maxLoad(o), t.isEmpty() ? null : maxLoad(t)));
        }
        return rows;
    }

    private static Record medianRecord(List<Record> rs) {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (Record r : rs) {
            wall.add(r.median_ms());
            if (r.cpu_ms() != null) {
                cpu.add(r.cpu_ms());
            }
        }
        Record f = rs.get(0);
        return new Record(f.impl(), f.workload(), f.dtype(), f.threads(), f.batch(), f.m(), f.k(), f.n(),
                Timing.median(wall), rs.size(), f.gflops() == null ? null : f.gflops() * f.median_ms() / Timing.median(wall),
                f.value(), f.hvp_count(), cpu.isEmpty() ? null : Timing.median(cpu), maxLoad(rs), f.spec());
    }

    private static Double spread(List<Record> rs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        List<Double> ms = new ArrayList<>();
        for (Record r : rs) {
            lo = Math.min(lo, r.median_ms());
            hi = Math.max(hi, r.median_ms());
            ms.add(r.median_ms());
        }
        return rs.size() < 2 ? null : (hi - lo) / Timing.median(ms);
    }

    private static Double maxLoad(List<Record> rs) {
        Double m = null;
        for (Record r : rs) {
            if (r.other_load() != null) {
                m = m == null ? r.other_load() : Math.max(m, r.other_load());
            }
        }
        return m;
    }

    private static List<String> pin(int threads) {
        return threads == 1 && Files.isExecutable(Path.of("/usr/bin/taskset")) ? List.of("/usr/bin/taskset", "-c", "0")
                : List.of();
    }

    private static List<String> occamCommand(Unit u, boolean quick) {
        List<String> cmd = new ArrayList<>(pin(u.threads()));
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-XX:ParallelGCThreads") && !a.startsWith("-XX:CICompilerCount") && !a.startsWith("-agentlib")
                    && !a.startsWith("-javaagent")) {
                cmd.add(a);
            }
        }
        if (u.threads() == 1) {
            cmd.add("-XX:ParallelGCThreads=1");
            cmd.add("-XX:CICompilerCount=2");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.occam.cli.Main", "bench", "--worker",
                "--workloads", u.workload(), "--dtypes", u.dtype(), "--threads", String.valueOf(u.threads())));
        if (quick) {
            cmd.add("--quick");
        }
        return cmd;
    }

    private static List<String> torchCommand(Unit u, boolean quick, Path mnistDir) {
        List<String> cmd = new ArrayList<>(pin(u.threads()));
        cmd.addAll(List.of("/usr/bin/python3", TorchRunner.script().toString(), "--workloads", u.workload(), "--dtypes",
                u.dtype(), "--threads", String.valueOf(u.threads()), "--busy-wait", "0", "--mnist-dir", mnistDir.toString()));
        if (quick) {
            cmd.add("--quick");
        }
        return cmd;
    }

    /**
     * Runs one child process and reads its JSON lines. For the PyTorch side, {@code torchOut[0]}
     * receives the meta line and {@code torchOut[1]} the reason when it skipped.
     */
    private static List<Record> child(List<String> cmd, Map<String, String> set, List<String> unset, String impl,
                                      PrintStream log, String[] torchOut) {
        if (impl.equals("torch") && !Files.isExecutable(Path.of("/usr/bin/python3"))) {
            torchOut[1] = "/usr/bin/python3 not found (apt-get install python3-torch)";
            return List.of();
        }
        ObjectMapper json = new ObjectMapper();
        List<Record> out = new ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(set);
        unset.forEach(pb.environment()::remove);
        pb.environment().put(ParentWatch.ENV, Long.toString(ProcessHandle.current().pid()));
        Process p = null;
        try {
            p = pb.start();
            Interrupts.child(p); // SIGTERM/SIGINT of the bench end the worker too
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.startsWith("{")) {
                        continue;
                    }
                    JsonNode n = json.readTree(line);
                    if (n.path("skipped").asBoolean(false)) {
                        torchOut[1] = n.path("reason").asText("skipped");
                    } else if (n.path("meta").asBoolean(false)) {
                        if (torchOut != null) {
                            torchOut[0] = line;
                        }
                    } else if (n.has("median_ms") && n.has("workload")) {
                        Record rec = TorchRunner.record(n, impl);
                        out.add(rec);
                        log.printf(Locale.ROOT, "%-5s %-16s %-7s t=%d %-10s %10.3f ms (cpu %s ms, other load %s)%n", impl,
                                rec.workload(), rec.dtype(), rec.threads(), BenchSuite.size(rec), rec.median_ms(),
                                rec.cpu_ms() == null ? "-" : String.format(Locale.ROOT, "%.3f", rec.cpu_ms()),
                                rec.other_load());
                    }
                }
            }
            int rc = p.waitFor();
            if (rc != 0 && out.isEmpty()) {
                String why = impl + " process exited with status " + rc + ": " + String.join(" ", cmd);
                if (torchOut != null) {
                    torchOut[1] = why;
                } else {
                    throw new IllegalStateException(why);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (p != null) {
                Interrupts.forget(p);
            }
        }
        return out;
    }

    private static String ms(Record r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.3f", r.median_ms());
    }

    private static String cpu(Record r) {
        return r == null || r.cpu_ms() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.cpu_ms());
    }

    private static String pct(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }

    private static String load(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%.2f", x);
    }

    /** The table: per case, wall and CPU medians of both sides, ratios, spreads between processes, loads. */
    public static String table(Outcome o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-16s %-7s %3s %-14s %10s %10s %10s %10s %7s %7s %9s %9s %11s%n", "workload",
                "dtype", "thr", "size", "occam ms", "occ cpu", "torch ms", "tch cpu", "ratio", "cpu rat", "spread o/t",
                "procs o/t", "load o/t"));
        for (Row r : o.rows()) {
            Record a = r.occam();
            Record b = r.torch();
            sb.append(String.format(Locale.ROOT, "%-16s %-7s %3d %-14s %10s %10s %10s %10s %7s %7s %9s %9s %11s%n",
                    a.workload(), a.dtype(), a.threads(), BenchSuite.size(a), ms(a), cpu(a), ms(b), cpu(b),
                    b == null ? "-" : String.format(Locale.ROOT, "%.2fx", a.median_ms() / b.median_ms()),
                    b == null || a.cpu_ms() == null || b.cpu_ms() == null ? "-"
                            : String.format(Locale.ROOT, "%.2fx", a.cpu_ms() / b.cpu_ms()),
                    pct(r.occamSpread()) + "/" + pct(r.torchSpread()), r.occamRuns() + "/" + r.torchRuns(),
                    load(r.occamLoad()) + "/" + load(r.torchLoad())));
        }
        sb.append("ms = median over fresh processes of each process's median wall time per call; cpu = the same for the")
                .append(" main thread's CPU time; ratio = occam / torch; spread = (max - min) / median across processes;")
                .append(" load = the most CPUs other processes used while a side was timed (compare only rows with ~0).\n");
        if (o.torchSkipped() != null) {
            sb.append("PyTorch side skipped: ").append(o.torchSkipped()).append('\n');
        }
        return sb.toString();
    }
}
