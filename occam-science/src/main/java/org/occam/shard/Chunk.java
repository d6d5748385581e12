package org.occam.shard;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * A fixed run of consecutive examples of a data set, as plain arrays so that it travels to Spark
 * executors and stays cached there (docs/sharded-objective.md). Chunk k holds rows
 * [k·size, min((k+1)·size, N)): the chunking depends on N and the chunk size only, never on
 * executors or partitions.
 *
 * @param index       the chunk's position k
 * @param first       its first row in the data set
 * @param x           the inputs, row-major, in float64 (exact for float32 data)
 * @param sampleShape the shape of one input
 * @param y           class labels, or null
 * @param targets     regression targets, row-major, or null
 * @param targetShape the shape of one target, or null
 */
public record Chunk(int index, int first, double[] x, int[] sampleShape, int[] y, double[] targets, int[] targetShape)
        implements Serializable {

    /**
     * The chunks of {@code data} with {@code size} examples each (the last may be shorter).
     *
     * @param data the data set
     * @param size examples per chunk
     * @return the chunks, in order
     */
    public static List<Chunk> of(Dataset data, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be a positive number of examples, got " + size);
        }
        int n = data.size();
        List<Chunk> out = new ArrayList<>();
        for (int k = 0, from = 0; from < n; k++, from += size) {
            int to = Math.min(n, from + size);
            Dataset part = data.slice(from, to);
            Tensor t = part.targets();
            out.add(new Chunk(k, from, part.x().toDoubleArray(), data.sampleShape(), data.hasLabels() ? part.y() : null,
                    t == null ? null : t.toDoubleArray(), t == null ? null : Arrays.copyOfRange(t.shape(), 1, t.rank())));
        }
        return List.copyOf(out);
    }

    /**
     * The number of examples.
     *
     * @return n_k
     */
    public int size() {
        int per = Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
        return x.length / per;
    }

    /**
     * The chunk as a batch in {@code dtype}, with its rows' data-set indices.
     *
     * @param dtype the inputs' dtype
     * @return the batch
     */
    public Batch batch(DType dtype) {
        int n = size();
        Tensor tx = Tensor.of(dtype, x, prepend(n, sampleShape));
        Tensor tt = targets == null ? null : Tensor.of(dtype, targets, prepend(n, targetShape));
        return new Batch(tx, y, tt, IntStream.range(first, first + n).toArray());
    }

    private static int[] prepend(int n, int[] shape) {
        int[] s = new int[shape.length + 1];
        s[0] = n;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }
}
