package org.occam.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.io.Safetensors;
import org.occam.optim.OptState;
import org.occam.tensor.Tensor;

class CheckpointHistoryTest {

    @TempDir
    Path dir;

    private static Params params(double w) {
        return Params.of(Map.of("w", Tensor.of(new double[] {w, 2 * w}, 2)));
    }

    private static OptState opt(long step) {
        return new OptState(step, Params.of(Map.of("momentum.w", Tensor.of(new double[] {step, -step}, 2))));
    }

    private static double w(CheckpointStore.Saved s) {
        return s.params().get("w").toDoubleArray()[0];
    }

    @Test
    void keepsTheNewestKPlusKeepersAndDropsStaleLaterOnes() {
        CheckpointStore store = new CheckpointStore(dir, 2, null);
        for (long s = 10; s <= 30; s += 10) {
            store.save(s, params(s), opt(s));
        }
        assertEquals(List.of(20L, 30L), store.steps());
        store.mark(20);
        store.save(40, params(40), opt(40));
        store.save(50, params(50), opt(50));
        assertEquals(List.of(20L, 40L, 50L), store.steps(), "20 is a keeper");
        // a resumed run saves 45 again after 50 existed: 50 belongs to the abandoned future
        store.save(45, params(45), opt(45));
        assertEquals(List.of(20L, 40L, 45L), store.steps());
        assertEquals(45L, store.latest(params(0)).orElseThrow().step());
        assertThrows(IllegalArgumentException.class, () -> new CheckpointStore(dir, 0, null));
        assertThrows(IllegalArgumentException.class, () -> store.mark(7));
    }

    @Test
    void anUnreadableLatestFallsBackToTheNewestValidOneAndSaysSo() throws Exception {
        List<String> notes = new ArrayList<>();
        CheckpointStore store = new CheckpointStore(dir, 3, notes::add);
        for (long s = 10; s <= 30; s += 10) {
            store.save(s, params(s), opt(s));
        }
        Files.write(dir.resolve("step-000000030/model.safetensors"), new byte[] {1, 2, 3});
        CheckpointStore.Saved s = store.latest(params(0)).orElseThrow();
        assertEquals(20, s.step());
        assertEquals(20.0, w(s));
        assertEquals(20, s.optimizer().step());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.getFirst().startsWith("checkpoint step-000000030 cannot be read ("), notes.getFirst());
        assertTrue(notes.getFirst().endsWith("); resuming from step-000000020, the newest valid checkpoint"), notes.getFirst());
        Files.delete(dir.resolve("step-000000020/optimizer.safetensors"));
        assertEquals(10, store.latest(params(0)).orElseThrow().step());
        Files.delete(dir.resolve("step-000000010/model.safetensors"));
        assertThrows(RuntimeException.class, () -> store.latest(params(0)), "none readable: the newest one's error");
    }

    @Test
    void aLatestPointerLeavingTheStoreIsRefused() throws Exception {
        CheckpointStore store = new CheckpointStore(dir.resolve("a"));
        store.save(10, params(1), opt(10));
        new CheckpointStore(dir.resolve("b")).save(99, params(9), opt(99));
        for (String evil : List.of("../b/step-000000099", "/tmp", "step-000000010/../../b/step-000000099", "latest")) {
            Files.writeString(dir.resolve("a/latest"), evil + "\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.latest(params(0)), evil);
            assertTrue(e.getMessage().contains("not a checkpoint folder of this run"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        Files.writeString(dir.resolve("a/latest"), "step-000000010\n");
        assertEquals(10, store.latest(params(0)).orElseThrow().step());
    }

    @Test
    void checkpointMetadataIsWrittenSortedSoEqualStatesGiveEqualBytes() throws Exception {
        assertEquals(List.of("optimizer_step", "step"), List.copyOf(CheckpointStore.metadata(3, 2).keySet()));
        new CheckpointStore(dir.resolve("a")).save(3, params(1), opt(3));
        new CheckpointStore(dir.resolve("b")).save(3, params(1), opt(3));
        Path opt = Path.of("step-000000003/optimizer.safetensors");
        assertEquals(List.of("optimizer_step", "step"), List.copyOf(Safetensors.readMetadata(dir.resolve("a").resolve(opt)).keySet()));
        String header = new String(Files.readAllBytes(dir.resolve("a").resolve(opt)), StandardCharsets.UTF_8);
        assertTrue(header.contains("{\"__metadata__\":{\"optimizer_step\":\"3\",\"step\":\"3\"}"), header);
        for (String f : List.of("model.safetensors", "optimizer.safetensors")) {
            Path rel = Path.of("step-000000003", f);
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(rel)), Files.readAllBytes(dir.resolve("b").resolve(rel)), f);
        }
    }
}
