package org.occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/** Atomic replacement: a failed write leaves the old file and no temporary file behind. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReplaces() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "first ü");
        assertEquals("first ü", Files.readString(f));
        AtomicFiles.writeString(f, "second");
        assertEquals("second", Files.readString(f));
        AtomicFiles.writeBytes(f, new byte[] {1, 2, 3});
        assertEquals(3, Files.size(f));
        assertEquals(List.of(f), listing());
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path f = dir.resolve("runs/r1/ckpt.txt");
        AtomicFiles.writeString(f, "x");
        assertEquals("x", Files.readString(f));
    }

    @Test
    void failingWriterLeavesTheOldFileIntact() throws IOException {
        Path f = dir.resolve("ckpt.safetensors");
        AtomicFiles.writeString(f, "old complete content");
        IOException boom = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(f, tmp -> {
            assertEquals(dir, tmp.getParent()); // same directory: the rename is atomic
            Files.writeString(tmp, "half of the new con");
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("old complete content", Files.readString(f));
        assertEquals(List.of(f), listing()); // the temporary file is gone
    }

    @Test
    void runtimeExceptionAlsoCleansUp() throws IOException {
        Path f = dir.resolve("new.txt");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, tmp -> {
            Files.writeString(tmp, "partial");
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of(), listing()); // no target was created, no temp left
    }

    @Test
    void safetensorsWriteThatFailsKeepsThePreviousCheckpoint() throws IOException {
        Path f = dir.resolve("model.safetensors");
        Params good = Params.of("w", Tensor.of(new float[] {1, 2}, 2));
        Safetensors.write(f, good);
        byte[] before = Files.readAllBytes(f);
        Params bad = Params.of("w", Tensor.of(new float[] {3, 4}, 2), "__metadata__", Tensor.of(new float[] {5}, 1));
        assertThrows(IllegalArgumentException.class, () -> Safetensors.write(f, bad));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f)));
        assertEquals(List.of(f), listing());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
