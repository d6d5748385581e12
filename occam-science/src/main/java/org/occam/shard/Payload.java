package org.occam.shard;

import java.io.Serializable;

/**
 * What the driver broadcasts for one reduction (docs/sharded-objective.md): the flattened
 * parameters and, for products, one vector of the same length (null otherwise).
 *
 * @param params the parameters θ, flattened, in float64
 * @param vector v for H v, or null
 */
public record Payload(double[] params, double[] vector) implements Serializable {

    /**
     * Bytes of the payload's numbers (8 per double).
     *
     * @return the size in bytes
     */
    public long bytes() {
        return 8L * (params.length + (vector == null ? 0 : vector.length));
    }
}
