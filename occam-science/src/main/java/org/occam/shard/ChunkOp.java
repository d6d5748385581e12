package org.occam.shard;

import java.io.Serializable;

/**
 * One per-chunk computation of a sharded objective (docs/sharded-objective.md): the chunk's mean
 * of some quantity at the broadcast parameters, as a vector whose length does not depend on the
 * chunk. {@link ChunkOps} has the loss-and-gradient, HVP, GC and accuracy.
 */
@FunctionalInterface
public interface ChunkOp extends Serializable {

    /**
     * The chunk's mean value, computed on the machine that holds the chunk.
     *
     * @param problem the model, objective and parameter template
     * @param chunk the chunk of examples
     * @param payload the broadcast parameters (and vector)
     * @return the op's mean over the chunk's examples
     */
    double[] apply(ShardProblem.Built problem, Chunk chunk, Payload payload);
}
