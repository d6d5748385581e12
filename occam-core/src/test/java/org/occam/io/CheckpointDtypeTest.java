package org.occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.tensor.DType;

/** The dtype of a checkpoint, as measure --weights reads it. */
class CheckpointDtypeTest {

    private static Path file(Path dir, String secondDtype) throws Exception {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"bn.num_batches_tracked\":{\"dtype\":\"" + secondDtype + "\",\"shape\":[],\"data_offsets\":[8,16]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(1f).putFloat(2f).putLong(7).array());
        Path f = dir.resolve(secondDtype + ".safetensors");
        Files.write(f, out.toByteArray());
        return f;
    }

    @Test
    void pytorchsInt64CounterDoesNotMakeAFloat32CheckpointMixed(@TempDir Path dir) throws Exception {
        assertEquals(DType.FLOAT32, Checkpoints.dtypeOf(file(dir, "I64")));
    }

    @Test
    void realMixtureIsRefusedWithTheFileName(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mixed.safetensors");
        // A float64 tensor next to float32 weights (not a counter) is a mixture.
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"v\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[8,16]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(1f).putFloat(2f).putDouble(3).array());
        Files.write(f, out.toByteArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.dtypeOf(f));
        assertTrue(e.getMessage().startsWith(f + ": mixes dtypes"), e.getMessage());
    }
}
