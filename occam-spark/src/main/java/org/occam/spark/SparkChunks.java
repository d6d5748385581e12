package org.occam.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.occam.shard.Chunk;
import org.occam.shard.ChunkOp;
import org.occam.shard.ChunkRunner;
import org.occam.shard.Payload;
import org.occam.shard.ShardProblem;
import org.occam.shard.TreeSum;

/**
 * The chunks of a sharded objective on Spark executors (docs/sharded-objective.md). Each chunk is
 * a broadcast variable, fetched once by every executor whose tasks need it and kept in its block
 * manager; the RDD holds only chunk indices, so a task carries a few bytes of data references, not
 * the data (an RDD parallelized from the chunks themselves re-sends its partition's data with
 * every task of every job, even when persisted). Each reduction broadcasts its {@link Payload}
 * (θ and, for H v, v); every partition sums the tree nodes that lie wholly inside the chunks it
 * holds, and the driver finishes the fixed-shape {@link TreeSum}: the same bits as
 * {@code LocalChunks} for any number of executors or partitions. A retried task recomputes the
 * same nodes, and a replacement executor fetches the chunks again from the driver, so lost
 * executors change nothing but the time.
 */
public final class SparkChunks implements ChunkRunner {
    private final SparkSession owned;
    private final JavaSparkContext jsc;
    private final ShardProblem problem;
    private final int chunkCount;
    private final List<Broadcast<Chunk>> data;
    private final JavaRDD<Integer> rdd;
    private volatile Traffic last = new Traffic(0, 0, 0);

    private SparkChunks(SparkSession owned, JavaSparkContext jsc, int partitions, ShardProblem problem, List<Chunk> chunks) {
        this.owned = owned;
        this.jsc = jsc;
        this.problem = problem;
        this.chunkCount = chunks.size();
        int parts = partitions > 0 ? partitions : jsc.defaultParallelism();
        List<Broadcast<Chunk>> d = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (Chunk c : chunks) {
            if (c.index() != indices.size()) {
                throw new IllegalArgumentException("chunk " + indices.size() + " has index " + c.index());
            }
            d.add(jsc.broadcast(c));
            indices.add(c.index());
        }
        this.data = List.copyOf(d);
        this.rdd = jsc.parallelize(indices, Math.max(1, Math.min(parts, chunks.size())));
        jsc.setJobDescription("occam: fetch " + chunks.size() + " chunks to the executors");
        List<Broadcast<Chunk>> held = data;
        rdd.foreach(k -> held.get(k).value());
    }

    /** Chunks on an existing context (not stopped by {@link #close}; the cached RDD is released). */
    public static SparkChunks on(JavaSparkContext jsc, int partitions, ShardProblem problem, List<Chunk> chunks) {
        return new SparkChunks(null, jsc, partitions, problem, chunks);
    }

    /** Chunks on a session of its own on {@code master} (null: spark-submit's), stopped by {@link #close}. */
    public static SparkChunks open(String master, int partitions, ShardProblem problem, List<Chunk> chunks) {
        SparkSession s = SparkBackend.open(master).session();
        try {
            return new SparkChunks(s, JavaSparkContext.fromSparkContext(s.sparkContext()), partitions, problem, chunks);
        } catch (RuntimeException e) {
            s.stop();
            throw e;
        }
    }

    @Override
    public double[] sum(ChunkOp op, Payload payload) {
        Broadcast<Payload> b = jsc.broadcast(payload);
        try {
            ShardProblem pr = problem;
            int c = chunkCount;
            jsc.setJobDescription("occam: " + op + " over " + c + " chunks");
            List<Broadcast<Chunk>> held = data;
            List<List<TreeSum.Node>> parts = rdd.mapPartitions((Iterator<Integer> it) -> List.of(nodes(pr, c, op, b.value(),
                    held, it)).iterator()).collect();
            List<TreeSum.Node> all = new ArrayList<>();
            long returned = 0;
            for (List<TreeSum.Node> p : parts) {
                all.addAll(p);
                for (TreeSum.Node n : p) {
                    returned += 8L * n.value().length;
                }
            }
            last = new Traffic(payload.bytes(), returned, all.size());
            return TreeSum.combine(c, all);
        } finally {
            b.destroy();
        }
    }

    /** On an executor: the nodes of one partition's chunks. */
    static List<TreeSum.Node> nodes(ShardProblem problem, int chunks, ChunkOp op, Payload payload,
            List<Broadcast<Chunk>> data, Iterator<Integer> it) {
        Map<Integer, Chunk> held = new HashMap<>();
        it.forEachRemaining(k -> held.put(k, data.get(k).value()));
        if (held.isEmpty()) {
            return List.of();
        }
        ShardProblem.Built built = problem.build();
        int[] idx = held.keySet().stream().mapToInt(Integer::intValue).toArray();
        return new ArrayList<>(TreeSum.partial(chunks, idx, k -> built.leaf(op, held.get(k), payload)));
    }

    /** What the latest reduction moved: the broadcast payload and the tree nodes the partitions returned. */
    public Traffic lastTraffic() {
        return last;
    }

    /**
     * Bytes moved by one reduction.
     *
     * @param broadcastBytes the payload's numbers (θ, and v for H v), sent once to each executor
     * @param returnedBytes  the numbers of the nodes the partitions returned to the driver
     * @param nodes          how many tree nodes came back (at most about 2·log₂ C per partition)
     */
    public record Traffic(long broadcastBytes, long returnedBytes, int nodes) {
    }

    @Override
    public ShardProblem problem() {
        return problem;
    }

    @Override
    public int chunks() {
        return chunkCount;
    }

    /** The number of partitions the chunks are spread over. */
    public int partitions() {
        return rdd.getNumPartitions();
    }

    @Override
    public String describe() {
        return "Spark " + jsc.master() + ", " + partitions() + " partitions, " + chunkCount + " chunks";
    }

    @Override
    public void close() {
        data.forEach(b -> b.destroy());
        if (owned != null) {
            owned.stop();
        }
    }
}
