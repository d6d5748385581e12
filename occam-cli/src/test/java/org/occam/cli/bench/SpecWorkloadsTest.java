package org.occam.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.occam.nn.Models;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;

/**
 * The spec workloads are the same on both sides: SpecWorkloads.CASES equals torch_bench.py's
 * SPEC_CASES, and every spec's Occam model has the parameter count that torch_bench.py asserts for
 * its torch twin (SPEC_PARAMS).
 */
class SpecWorkloadsTest {
    private static final Pattern CASE = Pattern.compile("\"(\\w+)\": \\(\"(\\w+)\", \"([^\"]+)\", (\\d+)\\)");
    private static final Pattern COUNT = Pattern.compile("\"([^\"]+)\": (\\d+)");

    private static String torchBench() throws IOException {
        Path p = Files.exists(Path.of("bench", "torch_bench.py")) ? Path.of("bench", "torch_bench.py")
                : Path.of("..", "bench", "torch_bench.py");
        return Files.readString(p);
    }

    /** The text of the Python dict literal {@code NAME = {...}}. */
    private static String block(String text, String name) {
        int from = text.indexOf("\n" + name + " = {");
        assertTrue(from >= 0, name + " not found in torch_bench.py");
        return text.substring(from, text.indexOf("\n}", from));
    }

    @Test
    void casesEqualTorchBenchSpecCases() throws IOException {
        Map<String, String> torch = new LinkedHashMap<>();
        Matcher m = CASE.matcher(block(torchBench(), "SPEC_CASES"));
        while (m.find()) {
            torch.put(m.group(1), m.group(2) + " " + m.group(3) + " " + m.group(4));
        }
        Map<String, String> occam = new LinkedHashMap<>();
        SpecWorkloads.CASES.forEach((k, c) -> occam.put(k, c.kind().name().toLowerCase(Locale.ROOT) + " " + c.spec() + " " + c.batch()));
        assertEquals(occam, torch);
        assertTrue(occam.keySet().containsAll(List.of("resnet20_step", "resnet18_step", "resnet20_hvp")), occam.toString());
    }

    @Test
    void occamModelsHaveTheParameterCountsTorchBenchAsserts() throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher m = COUNT.matcher(block(torchBench(), "SPEC_PARAMS"));
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        for (SpecWorkloads.SpecCase c : SpecWorkloads.CASES.values()) {
            assertTrue(counts.containsKey(c.spec()), "torch_bench.py SPEC_PARAMS lacks " + c.spec());
            long n = Models.parse(c.spec()).init(Rng.seed(0), DType.FLOAT32).numel();
            assertEquals((long) counts.get(c.spec()), n, c.spec() + ": Occam's parameter count");
        }
        assertEquals(269_722L, (long) counts.get("resnet20:3x32x32:10"));
        assertEquals(11_173_962L, (long) counts.get("resnet18:3x32x32:10"));
    }
}
