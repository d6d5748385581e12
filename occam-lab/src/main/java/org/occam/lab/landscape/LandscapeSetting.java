package org.occam.lab.landscape;

/**
 * How finely to look at a landscape (docs/landscapes.md).
 *
 * @param grid      points per axis of each 2-D slice (grid × grid loss evaluations)
 * @param span      the random slice covers α, β ∈ [−span, span] (1 = one filter norm along each direction)
 * @param linePoints points of each 1-D interpolation, evenly over t ∈ [−0.25, 1.25] (plus t = 0 and 1 when missing)
 * @param seed      seed of the two random directions
 */
public record LandscapeSetting(int grid, double span, int linePoints, long seed) {

    /** Checks the sizes. */
    public LandscapeSetting {
        if (grid < 3 || grid > 201) {
            throw new IllegalArgumentException("--grid must lie in [3, 201] (points per axis of a slice), got " + grid);
        }
        if (!(span > 0) || Double.isInfinite(span)) {
            throw new IllegalArgumentException("--span must be a positive number (filter norms along each direction), got " + span);
        }
        if (linePoints < 3 || linePoints > 1001) {
            throw new IllegalArgumentException("--line-points must lie in [3, 1001], got " + linePoints);
        }
    }

    /**
     * 25 × 25 slices over [−1, 1]², 31 interpolation points, seed 0.
     *
     * @return the settings
     */
    public static LandscapeSetting defaults() {
        return new LandscapeSetting(25, 1.0, 31, 0);
    }
}
