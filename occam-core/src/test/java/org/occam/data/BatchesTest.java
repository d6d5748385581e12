package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Deterministic batching: same seed same batches; reshuffling; each sample once per epoch. */
class BatchesTest {
    /** 103 rows whose single feature is the row number. */
    private static Dataset rows() {
        double[] x = new double[103];
        int[] y = new int[103];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = i % 5;
        }
        return Dataset.of("rows", Tensor.wrap(x, 103, 1), y, 5);
    }

    @Test
    void sameSeedSameBatches() {
        Dataset d = rows();
        for (Order o : Order.values()) {
            Batches a = d.batches(10, Rng.seed(42), o);
            Batches b = d.batches(10, Rng.seed(42), o);
            for (int e = 0; e < 3; e++) {
                List<Batch> ea = a.epoch(e);
                List<Batch> eb = b.epoch(e);
                assertEquals(ea.size(), eb.size());
                for (int i = 0; i < ea.size(); i++) {
                    assertArrayEquals(ea.get(i).x().toDoubleArray(), eb.get(i).x().toDoubleArray(), o + " epoch " + e);
                    assertArrayEquals(ea.get(i).y(), eb.get(i).y());
                }
            }
        }
    }

    @Test
    void reshuffleVisitsEverySampleOncePerEpochInNewOrders() {
        Batches b = rows().batches(10, Rng.seed(7), Order.RESHUFFLE);
        assertEquals(11, b.batchesPerEpoch());
        int[] first = null;
        for (int e = 0; e < 4; e++) {
            int[] seen = new int[103];
            int[] order = new int[103];
            int k = 0;
            List<Batch> epoch = b.epoch(e);
            assertEquals(3, epoch.get(10).size()); // 103 = 10 * 10 + 3
            for (Batch batch : epoch) {
                double[] x = batch.x().toDoubleArray();
                int[] idx = batch.indices();
                int[] y = batch.y();
                for (int i = 0; i < x.length; i++) {
                    assertEquals(idx[i], (int) x[i]);
                    assertEquals(idx[i] % 5, y[i]);
                    seen[idx[i]]++;
                    order[k++] = idx[i];
                }
            }
            for (int s : seen) {
                assertEquals(1, s);
            }
            if (first == null) {
                first = order;
            } else {
                assertFalse(Arrays.equals(first, order), "epoch " + e + " repeats epoch 0's order");
            }
        }
        assertFalse(Arrays.equals(b.indices(0)[0], rows().batches(10, Rng.seed(8), Order.RESHUFFLE).indices(0)[0]));
    }

    @Test
    void fixedRepeatsAndSequentialKeepsOrder() {
        Batches f = rows().batches(16, Rng.seed(1), Order.FIXED);
        assertTrue(Arrays.deepEquals(f.indices(0), f.indices(5)));
        assertFalse(Arrays.equals(f.indices(0)[0], new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}));
        Batches s = rows().batches(16, Rng.seed(1), Order.SEQUENTIAL);
        assertArrayEquals(new int[] {96, 97, 98, 99, 100, 101, 102}, s.indices(3)[6]);
    }

    @Test
    void withReplacementDrawsFullRange() {
        Batches w = rows().batches(10, Rng.seed(3), Order.WITH_REPLACEMENT);
        int[] counts = new int[103];
        int total = 0;
        for (int e = 0; e < 50; e++) {
            for (int[] batch : w.indices(e)) {
                for (int i : batch) {
                    counts[i]++;
                    total++;
                }
            }
        }
        assertEquals(50 * 103, total);
        boolean repeats = false;
        for (int[] batch : w.indices(0)) {
            repeats |= Arrays.stream(batch).distinct().count() < batch.length;
        }
        int zeros = (int) Arrays.stream(counts).filter(c -> c == 0).count();
        assertEquals(0, zeros);
        assertFalse(Arrays.deepEquals(w.indices(0), w.indices(1)));
        assertTrue(repeats || Arrays.stream(counts).anyMatch(c -> c != 50));
    }

    @Test
    void dropLastFullBatchAndErrors() {
        Batches b = rows().batches(10, Rng.seed(0), Order.RESHUFFLE).withDropLast(true);
        assertEquals(10, b.batchesPerEpoch());
        assertTrue(b.epoch(0).stream().allMatch(x -> x.size() == 10));
        Batches full = rows().batches(1000, Rng.seed(0), Order.SEQUENTIAL);
        assertEquals(1, full.batchesPerEpoch());
        assertEquals(103, full.epoch(0).get(0).size());
        assertEquals(103, rows().all().size());
        assertThrows(IllegalArgumentException.class, () -> rows().batches(0, Rng.seed(0), Order.FIXED));
        assertThrows(IllegalArgumentException.class, () -> full.indices(-1));
    }

    @Test
    void oneHotMatchesLabels() {
        Batch b = rows().batch(new int[] {3, 9});
        Tensor h = b.oneHot(5);
        assertArrayEquals(new int[] {2, 5}, h.shape());
        assertEquals(1.0, h.get(0, 3));
        assertEquals(1.0, h.get(1, 4));
        assertEquals(2.0, Arrays.stream(h.toDoubleArray()).sum());
    }
}
