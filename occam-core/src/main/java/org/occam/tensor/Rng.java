package org.occam.tensor;

/**
 * A seedable random stream (SplitMix64) whose numbers depend only on the seed and the order of
 * calls, never on the thread count: tensors are filled sequentially in row-major order. Normal
 * variates use Box-Muller with {@link StrictMath}, so the bits are the same on every JVM.
 *
 * <p>An Rng is mutable (it advances); use {@link #split(long)} to derive independent streams,
 * and {@link #state()} / {@link #fromState(long)} to checkpoint one.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    private Rng(long state) {
        this.state = state;
    }

    /**
     * A stream determined by the seed.
     *
     * @param seed any long
     * @return a fresh stream
     */
    public static Rng seed(long seed) {
        return new Rng(mix(seed ^ 0x5DEECE66DL));
    }

    /**
     * Restores a stream from {@link #state()}.
     *
     * @param state a value of {@link #state()}
     * @return a stream that continues where that one was
     */
    public static Rng fromState(long state) {
        return new Rng(state);
    }

    /** {@return the current state: a stream restored from it continues identically} */
    public long state() {
        return state;
    }

    /**
     * An independent stream derived from this one's current state and a stream number.
     *
     * @param stream the stream number
     * @return the derived stream (this one does not advance)
     */
    public Rng split(long stream) {
        return new Rng(mix(state ^ mix(stream + GOLDEN)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@return the next 64 random bits} */
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** {@return a uniform double in [0, 1) with 53 random bits} */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Uniform integer in [0, bound), without modulo bias.
     *
     * @param bound the exclusive upper bound, positive
     * @return the integer
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long r = nextLong() >>> 1;
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (r >= limit) {
            r = nextLong() >>> 1;
        }
        return (int) (r % bound);
    }

    /** {@return a standard normal variate (one Box-Muller draw; the partner value is discarded)} */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /**
     * Uniform values in [lo, hi), drawn in row-major order.
     *
     * @param dtype the element type
     * @param lo the lower bound
     * @param hi the upper bound
     * @param shape the shape
     * @return a new tensor
     */
    public Tensor uniform(DType dtype, double lo, double hi, int... shape) {
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * nextDouble();
        }
        return Tensor.of(dtype, v, shape);
    }

    /**
     * Normal values, drawn in row-major order.
     *
     * @param dtype the element type
     * @param mean the mean
     * @param std the standard deviation
     * @param shape the shape
     * @return a new tensor
     */
    public Tensor normal(DType dtype, double mean, double std, int... shape) {
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = mean + std * nextGaussian();
        }
        return Tensor.of(dtype, v, shape);
    }

    /**
     * 1 with probability p, else 0.
     *
     * @param dtype the element type
     * @param p the probability of a 1, in [0, 1]
     * @param shape the shape
     * @return a new tensor of zeros and ones
     */
    public Tensor bernoulli(DType dtype, double p, int... shape) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli probability must be in [0, 1], got " + p);
        }
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = nextDouble() < p ? 1 : 0;
        }
        return Tensor.of(dtype, v, shape);
    }

    /**
     * A uniformly random permutation of 0..n-1 (Fisher-Yates).
     *
     * @param n the length
     * @return the permutation
     */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Uniform integers in [0, bound).
     *
     * @param n how many
     * @param bound the exclusive upper bound, positive
     * @return the integers
     */
    public int[] ints(int n, int bound) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = nextInt(bound);
        }
        return out;
    }
}
