package org.occam.data;

import org.occam.tensor.DType;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * Input standardization statistics: {@code x' = (x - mean) / std}, fitted on one data set (usually
 * the training set) or declared ({@link #perChannel}), and applied to any set with the same sample
 * size, so train and test are transformed alike. Population statistics (divide by N), computed in double precision. A
 * feature whose std is below {@link #MIN_STD} (e.g. an always-black MNIST border pixel) is only
 * centred (divided by 1).
 *
 * @param mode per feature or one global pair
 * @param mean per-feature means (length = features), per-channel means (length = C), or one value for {@link Mode#GLOBAL}
 * @param std  per-feature standard deviations, or one value
 */
public record Normalization(Mode mode, double[] mean, double[] std) {
    /** Standard deviations below this are treated as 1. */
    public static final double MIN_STD = 1e-8;

    /** Which statistics to compute. */
    public enum Mode {
        /** One mean and std per input feature (per pixel). */
        PER_FEATURE,
        /** One mean and std over all values (the usual MNIST 0.1307 / 0.3081). */
        GLOBAL,
        /** One mean and std per channel of samples shaped [C, H, W] (the usual CIFAR statistics). */
        PER_CHANNEL
    }

    /** Checks that mean and std are equally long and non-empty, and copies them. */
    public Normalization {
        if (mode == null || mean == null || std == null || mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("normalization needs a mode and equally long, non-empty mean and std");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * The mean of each group (a copy).
     *
     * @return the means
     */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /**
     * The standard deviation of each group (a copy).
     *
     * @return the deviations
     */
    @Override
    public double[] std() {
        return std.clone();
    }

    /**
     * Per-channel statistics given as numbers (e.g. a data set's published mean and std).
     *
     * @param mean the mean of each channel
     * @param std the standard deviation of each channel
     * @return the statistics
     */
    public static Normalization perChannel(double[] mean, double[] std) {
        return new Normalization(Mode.PER_CHANNEL, mean, std);
    }

    /**
     * Fits the statistics of a data set's inputs (one pass for means, one for deviations).
     *
     * @param data the data set
     * @param mode per feature, global or per channel
     * @return the statistics
     */
    public static Normalization fit(Dataset data, Mode mode) {
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit normalization statistics on the empty data set " + data.name());
        }
        Groups g = Groups.of(mode, data, -1);
        Tensor x = data.x();
        float[] xf = x.floatData();
        double[] xd = x.doubleData();
        double[] m = new double[g.count];
        double[] q = new double[g.count];
        int len = x.numel();
        for (int i = 0; i < len; i++) {
            m[g.of(i)] += xd != null ? xd[i] : xf[i];
        }
        long per = len / g.count;
        for (int j = 0; j < g.count; j++) {
            m[j] /= per;
        }
        for (int i = 0; i < len; i++) {
            int j = g.of(i);
            double d = (xd != null ? xd[i] : xf[i]) - m[j];
            q[j] += d * d;
        }
        for (int j = 0; j < g.count; j++) {
            q[j] = Math.sqrt(q[j] / per);
        }
        return new Normalization(mode, m, q);
    }

    /**
     * The data set with standardized inputs (same dtype, shape, labels and targets).
     *
     * @param data the data set
     * @return the standardized data set
     */
    public Dataset apply(Dataset data) {
        Groups g = Groups.of(mode, data, mean.length);
        Tensor x = data.x();
        int len = x.numel();
        double[] inv = new double[std.length];
        for (int j = 0; j < inv.length; j++) {
            inv[j] = std[j] < MIN_STD ? 1 : 1 / std[j];
        }
        Tensor nx;
        if (x.dtype() == DType.FLOAT64) {
            double[] src = x.doubleData();
            double[] out = new double[len];
            for (int i = 0; i < len; i++) {
                int j = g.of(i);
                out[i] = (src[i] - mean[j]) * inv[j];
            }
            nx = Tensor.wrap(out, x.shape());
        } else {
            float[] src = x.floatData();
            float[] out = new float[len];
            for (int i = 0; i < len; i++) {
                int j = g.of(i);
                out[i] = (float) ((src[i] - mean[j]) * inv[j]);
            }
            nx = Tensor.wrap(out, x.shape());
        }
        return new Dataset(data.name(), nx, data.y(), data.numClasses(), data.classNames(), data.targets());
    }

    /**
     * The standardized value of a raw input {@code value} in group (feature or channel) {@code j}, as {@link #apply} computes it.
     *
     * @param value a raw input
     * @param j its group
     * @return (value − mean[j]) / std[j]
     */
    public double standardize(double value, int j) {
        double inv = std[j] < MIN_STD ? 1 : 1 / std[j];
        return (value - mean[j]) * inv;
    }

    /**
     * Which statistic each flat input index uses: index {@code i} of the data belongs to group
     * {@code (i / block) % count} (global: one group; per feature: block 1; per channel: block H*W).
     */
    private record Groups(int count, int block) {
        int of(int i) {
            return count == 1 ? 0 : (i / block) % count;
        }

        /** The groups of a mode on a data set; {@code expected} (≥ 0) is the number the statistics have. */
        static Groups of(Mode mode, Dataset data, int expected) {
            int f = data.features();
            Groups g = switch (mode) {
                case GLOBAL -> new Groups(1, 1);
                case PER_FEATURE -> new Groups(f, 1);
                case PER_CHANNEL -> {
                    int[] s = data.sampleShape();
                    if (s.length != 3) {
                        throw new IllegalArgumentException("per-channel normalization needs samples shaped [C, H, W]"
                                + " (layout nchw), but data set " + data.name() + " has samples of shape "
                                + Shape.str(s));
                    }
                    yield new Groups(s[0], s[1] * s[2]);
                }
            };
            if (expected >= 0 && g.count != expected) {
                throw new IllegalArgumentException("these statistics are for " + expected
                        + (mode == Mode.PER_CHANNEL ? " channels" : " features") + ", but data set " + data.name()
                        + " has " + g.count);
            }
            return g;
        }
    }
}
