package org.occam.spark;

import java.util.List;
import org.occam.shard.Chunk;
import org.occam.shard.ChunkRunner;
import org.occam.shard.ShardProblem;

/** Registers Spark as the chunk runner of {@code measure --spark} and {@code train.spark} (META-INF/services). */
public final class SparkChunksProvider implements ChunkRunner.Provider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ChunkRunner open(String master, int partitions, ShardProblem problem, List<Chunk> chunks) {
        return SparkChunks.open(master, partitions, problem, chunks);
    }
}
