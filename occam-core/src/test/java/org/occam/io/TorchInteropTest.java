package org.occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * Interoperability with PyTorch: torch_safetensors.py (Python standard library + torch, no
 * safetensors package) parses what Occam writes, and Occam reads what it writes. Skipped when
 * {@code /usr/bin/python3 -c "import torch"} fails.
 */
class TorchInteropTest {
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    private static boolean torch;

    @TempDir
    Path dir;

    @BeforeAll
    static void probeTorch() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            torch = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            torch = false;
        }
    }

    @Test
    void torchReadsWhatOccamWrites() throws Exception {
        assumeTorch();
        float[] big = new float[512 * 784];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) rnd.nextGaussian();
        }
        Params p = Params.of(
                "0.weight", Tensor.wrap(big, 512, 784),
                "0.bias", Tensor.of(new float[] {0.1f, -0.2f, 1e-30f}, 3),
                "scalar", Tensor.of(new float[] {2.5f}),
                "empty", Tensor.zeros(DType.FLOAT32, 0, 3),
                "d.weight", Tensor.of(new double[] {Math.PI, -Math.E, 1e-300, 6}, 2, 2),
                "d.scalar", Tensor.of(new double[] {-0.125}));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("note", "ü \"quoted\"");
        Path f = dir.resolve("occam.safetensors");
        Safetensors.write(f, p, meta);

        List<Map<?, ?>> lines = python("check", f);
        assertEquals(Map.of("metadata", meta), lines.get(0));
        assertEquals(p.size(), lines.size() - 1);
        for (int i = 0; i < p.size(); i++) {
            Map<?, ?> line = lines.get(i + 1);
            String name = p.names().get(i);
            Tensor t = p.get(name);
            assertEquals(name, line.get("name"));
            assertEquals(t.dtype().label(), line.get("dtype"), name);
            assertEquals(longs(t.shape()), line.get("shape"), name);
            double[] v = t.toDoubleArray();
            List<?> values = (List<?>) line.get("values");
            for (int j = 0; j < values.size(); j++) {
                assertEquals(v[j], ((Number) values.get(j)).doubleValue(), name + "[" + j + "]");
            }
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            assertEquals(sum, ((Number) line.get("sum")).doubleValue(), 1e-9 * (1 + Math.abs(sum)), name);
        }
    }

    @Test
    void occamReadsWhatTorchWrites() throws Exception {
        assumeTorch();
        Path f = dir.resolve("torch.safetensors");
        List<Map<?, ?>> lines = python("write", f);
        assertEquals(lines.get(0).get("metadata"), Safetensors.readMetadata(f));
        Params p = Safetensors.read(f);
        List<String> names = new ArrayList<>();
        for (Map<?, ?> line : lines.subList(1, lines.size())) {
            String name = (String) line.get("name");
            names.add(name);
            Tensor t = p.get(name);
            assertEquals(line.get("dtype"), t.dtype().label(), name);
            assertEquals(line.get("shape"), longs(t.shape()), name);
            double[] v = t.toDoubleArray();
            List<?> values = (List<?>) line.get("values");
            assertTrue(values.size() == v.length || v.length > 64, name);
            for (int j = 0; j < values.size(); j++) {
                assertEquals(((Number) values.get(j)).doubleValue(), v[j], name + "[" + j + "]"); // exact
            }
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            assertEquals(((Number) line.get("sum")).doubleValue(), sum, 1e-9 * (1 + Math.abs(sum)), name);
        }
        assertEquals(names, p.names()); // buffer order, not the header's sorted key order
        assertEquals(List.of("layer.weight", "layer.bias", "scalar", "empty", "half", "bf", "big"), names);
    }

    private static void assumeTorch() {
        org.junit.jupiter.api.Assumptions.assumeTrue(torch,
                "PyTorch not available (" + PYTHON + " -c 'import torch' failed): skipping the PyTorch interop test");
    }

    /** Runs the helper script and parses its output, one JSON object per line. */
    private List<Map<?, ?>> python(String mode, Path file) throws Exception {
        Path script = dir.resolve("torch_safetensors.py");
        try (InputStream in = TorchInteropTest.class.getResourceAsStream("torch_safetensors.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(PYTHON, script.toString(), mode, file.toString())
                .redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), "python " + mode + " failed:\n" + out + Files.readString(err));
        List<Map<?, ?>> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add((Map<?, ?>) Json.parse(line));
            }
        }
        return lines;
    }

    private static List<Long> longs(int[] shape) {
        List<Long> out = new ArrayList<>();
        for (int d : shape) {
            out.add((long) d);
        }
        return out;
    }
}
