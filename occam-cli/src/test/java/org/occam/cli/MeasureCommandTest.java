package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.ImageLayout;
import org.occam.io.Safetensors;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.Hessians;
import org.occam.nn.Mode;
import org.occam.nn.Model;
import org.occam.nn.ModelState;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Objective;
import org.occam.train.StateDict;

class MeasureCommandTest {

    /** The JSON carries every requested key, and the values equal the library's on the same weights and data. */
    @Test
    void jsonValuesMatchTheLibrary(@TempDir Path dir) throws Exception {
        Sequential net = Models.parse("mlp:64-8-10:tanh");
        Params w = net.init(Rng.seed(5), DType.FLOAT64);
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, w);
        CliRun.Result r = CliRun.run("measure", "--model", "mlp:64-8-10:tanh", "--weights", file.toString(), "--data", "digits:train[:200]",
                "--metrics", "loss,grad_norm,sharpness,top_eigenvalues:3,hessian_trace,gc", "--dtype", "float64",
                "--lanczos-steps", "40", "--json");
        assertEquals("0", String.valueOf(r.code()), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String k : new String[] {"loss", "grad_norm", "r_ig", "sharpness", "top_eigenvalues", "hessian_trace",
            "hessian_trace_stderr", "gc", "hvp_count"}) {
            assertTrue(j.has(k), "missing " + k + " in " + r.out());
        }
        Dataset d = Datasets.digits(org.occam.data.Split.TRAIN).asType(DType.FLOAT64).slice(0, 200);
        var b = d.all();
        Objective o = Objective.crossEntropy(net);
        assertEquals(o.loss(w, b).item(), j.get("loss").asDouble(), 1e-12);
        double top = Hessians.dense(p -> o.loss(p, b), w).eigenvalues()[0];
        assertEquals(top, j.get("sharpness").asDouble(), 1e-8 * Math.abs(top));
        assertEquals(3, j.get("top_eigenvalues").size());
        assertEquals(GeometricComplexity.exact(net, w, b.x()).item(), j.get("gc").asDouble(), 1e-10);
        assertTrue(j.get("hvp_count").asLong() >= 40);
    }

    @Test
    void unknownMetricListsTheValidOnes() {
        CliRun.Result r = CliRun.run("measure", "--model", "mlp:64-8-10:tanh", "--data", "digits", "--metrics", "loss,curvature");
        assertEquals("2", String.valueOf(r.code()));
        assertTrue(r.err().contains("unknown or malformed metric 'curvature'") && r.err().contains("top_eigenvalues:K"), r.err());
        CliRun.Result s = CliRun.run("measure", "--model", "mlp:64-8-10:tanh", "--data", "digits:validation");
        assertTrue(s.err().contains("unknown split 'validation'") && s.err().contains("train, test, all"), s.err());
    }

    /**
     * A BatchNorm ResNet is measured in the declared mode (eval by default: the running buffers of
     * the checkpoint; train: batch statistics), the mode is printed, and the values equal the
     * library's on the bound model.
     */
    @Test
    void batchNormNetworkIsMeasuredInTheDeclaredMode(@TempDir Path dir) throws Exception {
        String spec = "resnet8:1x8x8:10:width=2";
        Sequential net = Models.parse(spec);
        Params w = net.init(Rng.seed(5), DType.FLOAT64);
        var b = Datasets.digitsSplit(ImageLayout.NCHW, DType.FLOAT64).train().slice(0, 24).all(); // digits:train[:24]
        ModelState state = net.forward(w, net.initState(DType.FLOAT64), b.x(), Mode.TRAIN).state();
        Path file = dir.resolve("w.safetensors");
        StateDict.write(file, w, state, Map.of());
        for (Mode mode : Mode.values()) {
            CliRun.Result r = CliRun.run("measure", "--model", spec, "--weights", file.toString(), "--data", "digits:train[:24]",
                    "--layout", "nchw", "--metrics", "loss,gc", "--dtype", "float64", "--mode", mode.label(), "--json");
            assertEquals("0", String.valueOf(r.code()), r.err());
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertEquals(mode.label(), j.get("mode").asText());
            Model bound = net.bind(state, mode);
            assertEquals(Objective.crossEntropy(bound).loss(w, b).item(), j.get("loss").asDouble(), 1e-12, mode.label());
            assertEquals(GeometricComplexity.exact(bound, w, b.x()).item(), j.get("gc").asDouble(), 1e-10, mode.label());
        }
        Path paramsOnly = dir.resolve("params-only.safetensors");
        Safetensors.write(paramsOnly, w);
        CliRun.Result bad = CliRun.run("measure", "--model", spec, "--weights", paramsOnly.toString(), "--data", "digits:train[:24]",
                "--layout", "nchw", "--metrics", "loss");
        assertEquals("2", String.valueOf(bad.code()));
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("lacks the buffer bn1.running_mean") && bad.err().contains("state_dict"), bad.err());
        assertEquals("", bad.out());
    }
}
