package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Datasets;
import org.occam.data.Split;
import org.occam.measure.Hessians;
import org.occam.measure.LinearOperator;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Objective;

/** {@code measure} eigenvalues to the tolerance, the cap warning, blocks and the density files (issue 15 §1). */
class MeasureSpectraTest {
    private static final String MODEL = "mlp:64-6-10:tanh";
    private static final String DATA = "digits:train[:120]";
    private static double[] dense;
    private static double trace;

    @BeforeAll
    static void denseHessian() {
        Sequential net = Models.parse(MODEL);
        Params w = net.init(Rng.seed(0), DType.FLOAT64);
        Batch b = Datasets.digits(Split.TRAIN).asType(DType.FLOAT64).slice(0, 120).all();
        Objective o = Objective.crossEntropy(net);
        LinearOperator h = LinearOperator.hessian(p -> o.loss(p, b), w);
        dense = Hessians.dense(h).eigenvalues();
        double[][] a = Hessians.denseMatrix(h);
        for (int i = 0; i < a.length; i++) {
            trace += a[i][i];
        }
    }

    @Test
    void eigenvaluesReachTheDenseOnesToTheTolerance() throws Exception {
        CliRun.Result r = CliRun.run("measure", "--model", MODEL, "--data", DATA, "--metrics",
                "sharpness,top_eigenvalues:5,bottom_eigenvalues:2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.has("warnings"), r.out());
        assertFalse(r.err().contains("warning"), r.err());
        int m = dense.length;
        for (int i = 0; i < 5; i++) {
            double got = j.get("top_eigenvalues").get(i).asDouble();
            assertTrue(Math.abs(got - dense[i]) <= 1e-6 * Math.abs(dense[i]), "top " + i + ": " + got + " vs " + dense[i]);
            assertTrue(j.get("top_converged").get(i).asBoolean());
            assertTrue(j.get("top_residuals").get(i).asDouble() <= 1e-6);
        }
        for (int i = 0; i < 2; i++) {
            double got = j.get("bottom_eigenvalues").get(i).asDouble();
            assertTrue(Math.abs(got - dense[m - 1 - i]) <= 1e-6 * Math.abs(dense[m - 1 - i]), "bottom " + i + ": " + got);
        }
        assertEquals(dense[0], j.get("sharpness").asDouble(), 1e-6 * dense[0]);
        assertTrue(j.get("lanczos").asText().endsWith("converged") && !j.get("lanczos").asText().contains("not"));
    }

    @Test
    void capHitIsWarnedInOutputAndOnStderr() throws Exception {
        CliRun.Result r = CliRun.run("measure", "--model", MODEL, "--data", DATA, "--metrics", "top_eigenvalues:5",
                "--max-steps", "6", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("warnings").get(0).asText().contains("within 6 Lanczos steps (the cap)"), r.out());
        assertTrue(r.err().contains("occam: warning: eigenvalues:") && r.err().contains("raise --max-steps"), r.err());
        assertFalse(j.get("top_converged").get(4).asBoolean());
        CliRun.Result t = CliRun.run("measure", "--model", MODEL, "--data", DATA, "--metrics", "top_eigenvalues:5",
                "--lanczos-steps", "6");
        assertTrue(t.out().contains("warnings") && t.err().contains("raise --lanczos-steps"), t.out() + t.err());
    }

    @Test
    void badStoppingOptionsNameTheField() {
        CliRun.Result r = CliRun.run("measure", "--model", MODEL, "--data", DATA, "--metrics", "sharpness", "--tol", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--tol: must lie in (0, 1), got 2.0"), r.err());
        CliRun.Result s = CliRun.run("measure", "--model", MODEL, "--data", DATA, "--blocks", "rows");
        assertEquals(2, s.code());
        assertTrue(s.err().contains("--blocks: unknown block grouping 'rows'; allowed: layers, params"), s.err());
    }

    @Test
    void blocksSumToTheTraceAndDensityFilesAreWritten(@TempDir Path dir) throws Exception {
        Path prefix = dir.resolve("d");
        CliRun.Result r = CliRun.run("measure", "--model", MODEL, "--data", DATA, "--metrics", "density,ggn_sharpness",
                "--blocks", "params", "--dense-limit", "1000", "--probes", "8", "--density-out", prefix.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        double sum = 0;
        for (JsonNode b : j.get("blocks")) {
            assertEquals("dense", b.get("method").asText());
            sum += b.get("trace").asDouble();
        }
        assertEquals(4, j.get("blocks").size());
        assertEquals(trace, sum, 1e-10 * Math.abs(trace));
        assertTrue(j.get("ggn_sharpness").asDouble() > 0);
        JsonNode d = new ObjectMapper().readTree(prefix.resolveSibling("d.json").toFile());
        double integral = 0;
        JsonNode grid = d.get("grid");
        JsonNode phi = d.get("density");
        double h = grid.get(1).asDouble() - grid.get(0).asDouble();
        for (int i = 0; i < phi.size(); i++) {
            integral += phi.get(i).asDouble() * h;
        }
        assertEquals(1, integral, 1e-6);
        assertEquals(8, d.get("probes").asInt());
        assertTrue(d.get("sigma").asDouble() > 0);
        assertTrue(Files.size(prefix.resolveSibling("d.png")) > 1000);
        assertTrue(Files.readString(prefix.resolveSibling("d.svg")).contains("<svg"));
    }
}
