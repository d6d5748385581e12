package org.occam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.io.Safetensors;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.StateDict;

/**
 * PyTorch's CIFAR ResNet-18 (kuangliu layout) and ResNet-20 (akamaster layout, option A), trained
 * three SGD steps so their BN buffers are non-trivial, load strictly into Occam's specs and give the
 * same eval-mode and train-mode logits (1e-10 in float64, 1e-5 in float32), the same running
 * buffers after a train-mode pass and the same loss gradient (1e-8, float64); Occam's state_dict
 * loads into PyTorch with strict=True and gives Occam's eval logits. Skipped, with a message,
 * when PyTorch is absent.
 */
class TorchResNetInteropTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final int WIDTH = 4;
    private static final Map<String, String> SPECS = Map.of("resnet18", "resnet18:3x32x32:10:width=" + WIDTH,
            "resnet20", "resnet20:3x32x32:10:width=" + WIDTH);
    private static boolean torch;

    @TempDir
    static Path dir;

    /** One PyTorch process exports all four checkpoints (importing torch dominates the time). */
    @BeforeAll
    static void exportFromPytorch() throws Exception {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            torch = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            torch = false;
        }
        if (torch) {
            python("export", dir.toString(), "resnet18:" + WIDTH + ":float64", "resnet18:" + WIDTH + ":float32",
                    "resnet20:" + WIDTH + ":float64", "resnet20:" + WIDTH + ":float32");
        }
    }

    @ParameterizedTest
    @CsvSource({"resnet18, float64", "resnet18, float32", "resnet20, float64", "resnet20, float32"})
    void pytorchCheckpointLoadsStrictlyAndReproducesLogitsBuffersAndGradients(String arch, String dtype) throws Exception {
        Assumptions.assumeTrue(torch, "PyTorch not installed (apt-get install python3-torch): skipping the ResNet interop test");
        DType dt = DType.parse(dtype);
        boolean f64 = dt == DType.FLOAT64;
        double tol = f64 ? 1e-10 : 1e-5;
        String spec = SPECS.get(arch);
        Path from = dir.resolve(arch + "-" + dtype);
        Sequential net = Models.parse(spec);
        StateDict.Loaded l = StateDict.read(from.resolve("model.safetensors"), net.init(Rng.seed(9), dt), net.initState(dt));
        assertTrue(l.state().get("bn1.num_batches_tracked").item() == 3, "three train steps in PyTorch");
        Params io = Safetensors.read(from.resolve("io.safetensors"));
        Tensor x = io.get("x");
        int[] y = labels(io.get("y"));
        for (Mode mode : Mode.values()) {
            Model.Output o = net.forward(l.params(), l.state(), x, mode);
            assertClose(io.get("logits_" + mode.label()), o.output(), tol, spec + " " + dtype + " " + mode.label() + " logits");
            if (mode == Mode.TRAIN) {
                for (String b : o.state().names()) {
                    assertClose(io.get("after_train." + b), o.state().get(b), tol, b + " after a train-mode pass");
                }
            }
            if (f64) {
                Model bound = net.bind(l.state(), mode);
                Params g = Autodiff.grad((Params q) -> Losses.crossEntropy(bound.apply(q, x), y)).apply(l.params());
                for (String name : g.names()) {
                    assertClose(io.get("grad_" + mode.label() + "." + name), g.get(name), 1e-8, mode.label() + " gradient " + name);
                }
            }
        }
    }

    @Test
    void occamStateDictLoadsIntoPytorchStrictly() throws Exception {
        Assumptions.assumeTrue(torch, "PyTorch not installed (apt-get install python3-torch): skipping the ResNet interop test");
        DType dt = DType.FLOAT64;
        Map<String, Tensor> ours = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(SPECS).entrySet()) {
            Sequential net = Models.parse(e.getValue());
            Rng rng = Rng.seed(4);
            Params p = net.init(rng, dt);
            ModelState s = net.forward(p, net.initState(dt), rng.normal(dt, 0.5, 2, 6, 3, 32, 32), Mode.TRAIN).state();
            Tensor x = rng.normal(dt, 0, 1, 3, 3, 32, 32);
            Path d = Files.createDirectories(dir.resolve(e.getKey()));
            StateDict.write(d.resolve("occam.safetensors"), p, s, Map.of("format", "pt"));
            Safetensors.write(d.resolve("x.safetensors"), Params.of("x", x));
            ours.put(e.getKey(), net.forward(p, s, x, Mode.EVAL).output());
        }
        python("check", dir.toString(), "resnet18:" + WIDTH, "resnet20:" + WIDTH);
        for (Map.Entry<String, Tensor> e : ours.entrySet()) {
            Tensor theirs = Safetensors.read(dir.resolve(e.getKey()).resolve("logits.safetensors")).get("logits");
            assertClose(theirs, e.getValue(), 1e-10, e.getKey() + " eval logits of Occam's state_dict in PyTorch");
        }
    }

    private static int[] labels(Tensor y) {
        double[] v = y.toDoubleArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private static void assertClose(Tensor expected, Tensor actual, double tol, String what) {
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        assertEquals(e.length, a.length, what + ": size");
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            worst = Math.max(worst, Math.abs(e[i] - a[i]));
        }
        assertTrue(worst <= tol, what + ": max |torch - occam| = " + worst + " > " + tol);
        if (what.contains("logits") || what.endsWith(" gradient conv1.weight")) {
            System.out.println(what + ": max |torch - occam| = " + worst);
        }
    }

    private static void python(String... args) throws Exception {
        Path script = dir.resolve("torch_cifar_resnet.py");
        if (!Files.exists(script)) {
            try (InputStream in = TorchResNetInteropTest.class.getResourceAsStream("torch_cifar_resnet.py")) {
                Files.copy(in, script);
            }
        }
        String[] cmd = new String[args.length + 2];
        cmd[0] = PYTHON;
        cmd[1] = script.toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), "python " + args[0] + " failed:\n" + out);
    }
}
