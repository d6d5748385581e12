package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.io.Safetensors;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.Hessians;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Objective;

class MeasureCommandTest {
    private static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The JSON carries every requested key, and the values equal the library's on the same weights and data. */
    @Test
    void jsonValuesMatchTheLibrary(@TempDir Path dir) throws Exception {
        Sequential net = Models.parse("mlp:64-8-10:tanh");
        Params w = net.init(Rng.seed(5), DType.FLOAT64);
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, w);
        String[] r = run("measure", "--model", "mlp:64-8-10:tanh", "--weights", file.toString(), "--data", "digits:train[:200]",
                "--metrics", "loss,grad_norm,sharpness,top_eigenvalues:3,hessian_trace,gc", "--dtype", "float64",
                "--lanczos-steps", "40", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        for (String k : new String[] {"loss", "grad_norm", "r_ig", "sharpness", "top_eigenvalues", "hessian_trace",
            "hessian_trace_stderr", "gc", "hvp_count"}) {
            assertTrue(j.has(k), "missing " + k + " in " + r[1]);
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
        String[] r = run("measure", "--model", "mlp:64-8-10:tanh", "--data", "digits", "--metrics", "loss,curvature");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown or malformed metric 'curvature'") && r[2].contains("top_eigenvalues:K"), r[2]);
        String[] s = run("measure", "--model", "mlp:64-8-10:tanh", "--data", "digits:validation");
        assertTrue(s[2].contains("unknown split 'validation'") && s[2].contains("train, test, all"), s[2]);
    }
}
