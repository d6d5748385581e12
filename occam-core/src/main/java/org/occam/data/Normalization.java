package org.occam.data;

import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * Input standardization statistics: {@code x' = (x - mean) / std}, fitted on one data set (usually
 * the training set) and applied to any set with the same sample size, so train and test are
 * transformed alike. Population statistics (divide by N), computed in double precision. A
 * feature whose std is below {@link #MIN_STD} (e.g. an always-black MNIST border pixel) is only
 * centred (divided by 1).
 *
 * @param mode per feature or one global pair
 * @param mean per-feature means (length = features), or one value for {@link Mode#GLOBAL}
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
        GLOBAL
    }

    public Normalization {
        if (mode == null || mean == null || std == null || mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("normalization needs a mode and equally long, non-empty mean and std");
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    /** Fits the statistics of a data set's inputs (one pass for means, one for deviations). */
    public static Normalization fit(Dataset data, Mode mode) {
        int n = data.size();
        int f = data.features();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit normalization statistics on the empty data set " + data.name());
        }
        Tensor x = data.x();
        float[] xf = x.floatData();
        double[] xd = x.doubleData();
        int k = mode == Mode.GLOBAL ? 1 : f;
        double[] m = new double[k];
        double[] q = new double[k];
        int len = n * f;
        for (int i = 0; i < len; i++) {
            m[k == 1 ? 0 : i % f] += xd != null ? xd[i] : xf[i];
        }
        long per = k == 1 ? len : n;
        for (int j = 0; j < k; j++) {
            m[j] /= per;
        }
        for (int i = 0; i < len; i++) {
            int j = k == 1 ? 0 : i % f;
            double d = (xd != null ? xd[i] : xf[i]) - m[j];
            q[j] += d * d;
        }
        for (int j = 0; j < k; j++) {
            q[j] = Math.sqrt(q[j] / per);
        }
        return new Normalization(mode, m, q);
    }

    /** The data set with standardized inputs (same dtype, shape, labels and targets). */
    public Dataset apply(Dataset data) {
        int f = data.features();
        if (mode == Mode.PER_FEATURE && mean.length != f) {
            throw new IllegalArgumentException("these statistics are for samples of " + mean.length
                    + " features, but data set " + data.name() + " has " + f);
        }
        Tensor x = data.x();
        int len = x.numel();
        double[] inv = new double[std.length];
        for (int j = 0; j < inv.length; j++) {
            inv[j] = std[j] < MIN_STD ? 1 : 1 / std[j];
        }
        boolean global = mode == Mode.GLOBAL;
        Tensor nx;
        if (x.dtype() == DType.FLOAT64) {
            double[] src = x.doubleData();
            double[] out = new double[len];
            for (int i = 0; i < len; i++) {
                int j = global ? 0 : i % f;
                out[i] = (src[i] - mean[j]) * inv[j];
            }
            nx = Tensor.wrap(out, x.shape());
        } else {
            float[] src = x.floatData();
            float[] out = new float[len];
            for (int i = 0; i < len; i++) {
                int j = global ? 0 : i % f;
                out[i] = (float) ((src[i] - mean[j]) * inv[j]);
            }
            nx = Tensor.wrap(out, x.shape());
        }
        return new Dataset(data.name(), nx, data.y(), data.numClasses(), data.classNames(), data.targets());
    }
}
