package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.data.Datasets;
import org.occam.data.Split;
import org.occam.io.Checkpoints;
import org.occam.io.Safetensors;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Objective;

/** {@code measure --weights} on a float32 checkpoint (what train writes) without {@code --dtype}. */
class MeasureWeightsDtypeTest {
    private static final String SPEC = "mlp:64-8-10:tanh";

    @Test
    void float32CheckpointIsMeasuredInItsOwnDtypeOrCastWithANote(@TempDir Path dir) throws Exception {
        Sequential net = Models.parse(SPEC);
        Params w = net.init(Rng.seed(3), DType.FLOAT32);
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, w);
        // Before: measure loaded into a float64 model (its default dtype), which the checkpoint check refuses.
        IllegalArgumentException old = assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.load(file, net.init(Rng.seed(0), DType.FLOAT64)));
        assertTrue(old.getMessage().contains("dtype mismatch"), old.getMessage());

        // Now: no --dtype means the checkpoint's dtype.
        CliRun.Result r = CliRun.run("measure", "--model", SPEC, "--weights", file.toString(), "--data", "digits:train[:100]",
                "--metrics", "loss", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("float32", j.get("dtype").asText());
        var b = Datasets.digits(Split.TRAIN).asType(DType.FLOAT32).slice(0, 100).all();
        assertEquals(Objective.crossEntropy(net).loss(w, b).item(), j.get("loss").asDouble(), 0.0);
        assertFalse(r.err().contains("cast"), r.err());

        // --dtype float64 casts the float32 weights and says so.
        CliRun.Result c = CliRun.run("measure", "--model", SPEC, "--weights", file.toString(), "--data", "digits:train[:100]",
                "--metrics", "loss", "--dtype", "float64", "--json");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("holds float32; cast to float64"), c.err());
        var b64 = Datasets.digits(Split.TRAIN).asType(DType.FLOAT64).slice(0, 100).all();
        double expected = Objective.crossEntropy(net).loss(w.map(t -> t.to(DType.FLOAT64)), b64).item();
        assertEquals(expected, new ObjectMapper().readTree(c.out()).get("loss").asDouble(), 0.0);
    }
}
