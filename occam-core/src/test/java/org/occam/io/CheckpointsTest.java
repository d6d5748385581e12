package org.occam.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/** Checkpoint/model compatibility messages, word for word. */
class CheckpointsTest {
    @TempDir
    Path dir;

    private static Params model() {
        return Params.of("0.weight", Tensor.zeros(DType.FLOAT32, 512, 784), "0.bias", Tensor.zeros(DType.FLOAT32, 512),
                "2.weight", Tensor.zeros(DType.FLOAT32, 10, 512), "2.bias", Tensor.zeros(DType.FLOAT32, 10));
    }

    @Test
    void compatibleInAnyOrder() {
        Params m = model();
        Params reordered = Params.of("2.bias", m.get("2.bias"), "0.weight", m.get("0.weight"),
                "2.weight", m.get("2.weight"), "0.bias", m.get("0.bias"));
        Checkpoints.requireCompatible(m, reordered);
    }

    @Test
    void listsMissingUnexpectedAndShapeMismatch() {
        Params ckpt = Params.of("0.weight", Tensor.zeros(DType.FLOAT32, 256, 784), "0.bias", Tensor.zeros(DType.FLOAT32, 512),
                "2.weight", Tensor.zeros(DType.FLOAT32, 10, 512), "3.weight", Tensor.zeros(DType.FLOAT32, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.requireCompatible(model(), ckpt));
        assertEquals("checkpoint does not match the model: missing [2.bias]; unexpected [3.weight]; "
                + "shape mismatch 0.weight: model [512, 784] vs checkpoint [256, 784]", e.getMessage());
    }

    @Test
    void reportsEachProblemInOrder() {
        Params ckpt = Params.of("x", Tensor.scalar(1, DType.FLOAT32), "0.weight", Tensor.zeros(DType.FLOAT64, 512, 784),
                "0.bias", Tensor.zeros(DType.FLOAT64, 1, 512), "y", Tensor.scalar(1, DType.FLOAT32));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.requireCompatible(model(), ckpt));
        assertEquals("checkpoint does not match the model: missing [2.weight, 2.bias]; unexpected [x, y]; "
                + "dtype mismatch 0.weight: model float32 vs checkpoint float64; "
                + "shape mismatch 0.bias: model [512] vs checkpoint [1, 512]; "
                + "dtype mismatch 0.bias: model float32 vs checkpoint float64", e.getMessage());
    }

    @Test
    void onlyMissing() {
        Params m = model();
        Params ckpt = Params.of("0.weight", m.get("0.weight"), "0.bias", m.get("0.bias"), "2.weight", m.get("2.weight"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.requireCompatible(m, ckpt));
        assertEquals("checkpoint does not match the model: missing [2.bias]", e.getMessage());
    }

    @Test
    void loadChecksAndUsesTheModelOrder() throws IOException {
        Path f = dir.resolve("c.safetensors");
        Params m = Params.of("a", Tensor.zeros(DType.FLOAT32, 2), "b", Tensor.zeros(DType.FLOAT64, 1));
        Safetensors.write(f, Params.of("b", Tensor.of(new double[] {7}, 1), "a", Tensor.of(new float[] {1, 2}, 2)));
        Params loaded = Checkpoints.load(f, m);
        assertEquals(List.of("a", "b"), loaded.names());
        assertArrayEquals(new float[] {1, 2}, loaded.get("a").toFloatArray());

        Params other = Params.of("a", Tensor.zeros(DType.FLOAT32, 3), "b", Tensor.zeros(DType.FLOAT64, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.load(f, other));
        assertEquals("checkpoint does not match the model: shape mismatch a: model [3] vs checkpoint [2]", e.getMessage());
    }
}
