package org.occam.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs bench/torch_bench.py (Debian's python3-torch) and reads its JSON lines. */
final class TorchRunner {
    /** What the PyTorch side returned: records, or why there are none. */
    record Outcome(List<Record> records, String skipped) {
    }

    private TorchRunner() {
    }

    static Path script() {
        String home = System.getenv("OCCAM_HOME");
        Path base = home != null ? Path.of(home) : Path.of(".");
        return base.resolve("bench").resolve("torch_bench.py");
    }

    static Outcome run(String threads, String dtypes, String workloads, boolean quick, Path mnistDir) {
        Path script = script();
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isRegularFile(script)) {
            return new Outcome(List.of(), "script not found: " + script);
        }
        if (!Files.isExecutable(python)) {
            return new Outcome(List.of(), "/usr/bin/python3 not found (apt-get install python3-torch)");
        }
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), "--threads", threads,
                "--dtypes", dtypes, "--workloads", workloads, "--mnist-dir", mnistDir.toString()));
        if (quick) {
            cmd.add("--quick");
        }
        ObjectMapper json = new ObjectMapper();
        List<Record> out = new ArrayList<>();
        String skipped = null;
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.startsWith("{")) {
                        continue;
                    }
                    JsonNode n = json.readTree(line);
                    if (n.path("skipped").asBoolean(false)) {
                        skipped = n.path("reason").asText("skipped");
                    } else if (n.has("median_ms") && n.has("workload")) {
                        out.add(new Record("torch", n.get("workload").asText(), n.path("dtype").asText(null),
                                intOrNull(n, "threads"), intOrNull(n, "batch"), intOrNull(n, "m"), intOrNull(n, "k"),
                                intOrNull(n, "n"), n.get("median_ms").asDouble(), intOrNull(n, "reps"),
                                n.has("gflops") ? n.get("gflops").asDouble() : null,
                                n.has("value") ? n.get("value").asDouble() : null,
                                n.hasNonNull("hvp_count") ? n.get("hvp_count").asLong() : null));
                    }
                }
            }
            int rc = p.waitFor();
            if (rc != 0 && out.isEmpty()) {
                skipped = "torch_bench.py exited with status " + rc;
            }
        } catch (IOException e) {
            skipped = "could not run " + script + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skipped = "interrupted";
        }
        return new Outcome(out, skipped);
    }

    private static Integer intOrNull(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asInt() : null;
    }
}
