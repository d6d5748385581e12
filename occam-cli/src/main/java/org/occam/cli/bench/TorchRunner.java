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

/** Where bench/torch_bench.py (the PyTorch side, Debian's python3-torch) lives, and how its JSON lines read. */
final class TorchRunner {
    private TorchRunner() {
    }

    static Path script() {
        String home = System.getenv("OCCAM_HOME");
        Path base = home != null ? Path.of(home) : Path.of(".");
        return base.resolve("bench").resolve("torch_bench.py");
    }

    /** A record from one JSON line of either side. */
    static Record record(JsonNode n, String impl) {
        return new Record(impl, n.get("workload").asText(), n.path("dtype").asText(null), intOrNull(n, "threads"),
                intOrNull(n, "batch"), intOrNull(n, "m"), intOrNull(n, "k"), intOrNull(n, "n"), n.get("median_ms").asDouble(),
                intOrNull(n, "reps"), n.hasNonNull("gflops") ? n.get("gflops").asDouble() : null,
                n.hasNonNull("value") ? n.get("value").asDouble() : null,
                n.hasNonNull("hvp_count") ? n.get("hvp_count").asLong() : null,
                n.hasNonNull("cpu_ms") ? n.get("cpu_ms").asDouble() : null,
                n.hasNonNull("other_load") ? n.get("other_load").asDouble() : null, n.path("spec").asText(null));
    }

    private static Integer intOrNull(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asInt() : null;
    }
}
