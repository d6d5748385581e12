package org.occam.data;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.occam.tensor.Rng;

/**
 * A deterministic mini-batch schedule over a data set: epoch {@code e} always yields the same
 * batches for the same seed, whatever was asked before (so a run can resume at any epoch).
 * The schedule is a value: the seed is drawn once from the caller's {@link Rng} when it is made.
 *
 * <p>Every epoch has {@link #batchesPerEpoch()} batches of {@code batchSize} samples, the last one
 * smaller when the size does not divide (or dropped, with {@code dropLast}).
 *
 * @param data      the data set
 * @param batchSize samples per batch (capped at the data set size: a larger value means full batch)
 * @param order     how samples are ordered, see {@link Order}
 * @param seed      the seed of every permutation and draw
 * @param dropLast  whether to drop the last, smaller batch
 */
public record Batches(Dataset data, int batchSize, Order order, long seed, boolean dropLast) {
    /** Checks the arguments and caps the batch size at the data set's size. */
    public Batches {
        if (data == null || order == null) {
            throw new IllegalArgumentException("data and order must be given");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot batch the empty data set " + data.name());
        }
        batchSize = Math.min(batchSize, data.size());
    }

    /**
     * The same schedule, dropping (or keeping) the last smaller batch.
     *
     * @param drop whether to drop the last, smaller batch
     * @return the schedule
     */
    public Batches withDropLast(boolean drop) {
        return new Batches(data, batchSize, order, seed, drop);
    }

    /**
     * The number of batches in each epoch.
     *
     * @return the count
     */
    public int batchesPerEpoch() {
        int n = data.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * The row indices of each batch of epoch {@code epoch} (≥ 0).
     *
     * @param epoch the 0-based epoch
     * @return the indices of each batch
     */
    public int[][] indices(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be non-negative, got " + epoch);
        }
        int n = data.size();
        int[] order = switch (this.order) {
            case RESHUFFLE -> Rng.fromState(seed).split(epoch).permutation(n);
            case FIXED -> Rng.fromState(seed).split(-1).permutation(n);
            case WITH_REPLACEMENT -> Rng.fromState(seed).split(epoch).ints(n, n);
            case SEQUENTIAL -> identity(n);
        };
        int[][] out = new int[batchesPerEpoch()][];
        for (int b = 0; b < out.length; b++) {
            int start = b * batchSize;
            int end = Math.min(n, start + batchSize);
            out[b] = java.util.Arrays.copyOfRange(order, start, end);
        }
        return out;
    }

    /**
     * The batches of one epoch, built lazily when each is read (nothing is copied up front).
     *
     * @param epoch the 0-based epoch
     * @return its batches, in order
     */
    public List<Batch> epoch(int epoch) {
        int[][] idx = indices(epoch);
        return new EpochList(data, idx);
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    private static final class EpochList extends AbstractList<Batch> implements RandomAccess {
        private final Dataset data;
        private final int[][] idx;

        EpochList(Dataset data, int[][] idx) {
            this.data = data;
            this.idx = idx;
        }

        @Override
        public Batch get(int i) {
            return data.batch(idx[i]);
        }

        @Override
        public int size() {
            return idx.length;
        }
    }
}
