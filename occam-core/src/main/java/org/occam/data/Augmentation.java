package org.occam.data;

import java.util.Arrays;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * A seeded, deterministic image augmentation of training batches [B, C, H, W]: a random crop of
 * the image zero-padded by {@code padding} on every side (the crop keeps H x W), then a horizontal
 * flip with probability 1/2, as torchvision's {@code RandomCrop(32, padding=4)} and
 * {@code RandomHorizontalFlip()} do on CIFAR. Padded pixels take the value {@code fill[c]} of their
 * channel: 0 for raw inputs, or the standardized value of a black pixel when the data set was
 * normalized first (so crop-then-normalize and normalize-then-crop agree).
 *
 * <p>The draws of batch row {@code k} at training step {@code s} come from
 * {@code Rng.seed(seed).split(STREAM).split(s).split(k)} only (offsets y, x, then the flip bit),
 * never from a consumed stream, so the same step gives the same images for any thread count and
 * after a resume at any step.
 *
 * @param padding zero padding on each side before the crop (0: no crop)
 * @param flip    whether to flip horizontally with probability 1/2
 * @param fill    the value of padded pixels per channel (empty: 0 in every channel)
 */
public record Augmentation(int padding, boolean flip, double[] fill) {
    /** No augmentation: batches pass unchanged. */
    public static final Augmentation NONE = new Augmentation(0, false, new double[0]);

    /** The stream number that separates augmentation draws from the batch order's. */
    public static final long STREAM = 0x4155474D454E54L;

    /** Checks the padding and copies the fill values. */
    public Augmentation {
        if (padding < 0) {
            throw new IllegalArgumentException("crop padding must be >= 0, got " + padding);
        }
        fill = fill == null ? new double[0] : fill.clone();
    }

    /**
     * Random crop with {@code padding} and (optionally) a random horizontal flip, padding with zeros.
     *
     * @param padding zero padding on each side before the crop (0: no crop)
     * @param flip whether to flip horizontally with probability 1/2
     * @return the augmentation
     */
    public static Augmentation cropAndFlip(int padding, boolean flip) {
        return new Augmentation(padding, flip, new double[0]);
    }

    /**
     * The same augmentation, padding with {@code fill[c]} in channel c.
     *
     * @param values the fill value of each channel (e.g. its mean, so padding is 0 after normalization)
     * @return the augmentation
     */
    public Augmentation withFill(double... values) {
        return new Augmentation(padding, flip, values);
    }

    /**
     * The fill value of each channel (a copy).
     *
     * @return the values, empty for zeros
     */
    @Override
    public double[] fill() {
        return fill.clone();
    }

    /** Equal padding, flip and fill values (the fill compared by content). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Augmentation a && a.padding == padding && a.flip == flip && Arrays.equals(a.fill, fill);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * padding + Boolean.hashCode(flip)) + Arrays.hashCode(fill);
    }

    @Override
    public String toString() {
        return "Augmentation[padding=" + padding + ", flip=" + flip + ", fill=" + Arrays.toString(fill) + "]";
    }

    /**
     * A short description for run headers, e.g. {@code random crop (padding 4), horizontal flip}.
     *
     * @return the description
     */
    public String describe() {
        if (isIdentity()) {
            return "none";
        }
        String crop = padding > 0 ? "random crop (padding " + padding + ")" : "";
        return crop + (flip ? (crop.isEmpty() ? "" : ", ") + "horizontal flip" : "");
    }

    /**
     * True when batches pass unchanged.
     *
     * @return whether this is {@link #NONE} in effect
     */
    public boolean isIdentity() {
        return padding == 0 && !flip;
    }

    /**
     * The augmented batch of training step {@code step} (labels, targets and indices unchanged).
     *
     * @param batch the batch of that step
     * @param seed the run's seed (with the step and row, it decides each crop and flip)
     * @param step the training step
     * @return the augmented batch
     */
    public Batch apply(Batch batch, long seed, long step) {
        if (isIdentity()) {
            return batch;
        }
        Tensor x = batch.x();
        if (x.rank() != 4) {
            throw new IllegalArgumentException("augmentation (crop, flip) needs image batches [B, C, H, W] (layout nchw),"
                    + " got shape " + Arrays.toString(x.shape()));
        }
        int[] s = x.shape();
        int b = s[0];
        int c = s[1];
        if (fill.length != 0 && fill.length != c) {
            throw new IllegalArgumentException("augmentation fill has " + fill.length + " values for " + c + " channels");
        }
        int[] dy = new int[b];
        int[] dx = new int[b];
        boolean[] mirror = new boolean[b];
        Rng stepRng = Rng.seed(seed).split(STREAM).split(step);
        for (int k = 0; k < b; k++) {
            Rng r = stepRng.split(k);
            dy[k] = padding > 0 ? r.nextInt(2 * padding + 1) - padding : 0;
            dx[k] = padding > 0 ? r.nextInt(2 * padding + 1) - padding : 0;
            mirror[k] = flip && r.nextInt(2) == 1;
        }
        int[] from = sources(s, dy, dx, mirror);
        Tensor out;
        if (x.dtype() == DType.FLOAT64) {
            double[] src = x.toDoubleArray();
            double[] v = new double[from.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = from[i] >= 0 ? src[from[i]] : fillOf(-1 - from[i]);
            }
            out = Tensor.wrap(v, s);
        } else {
            float[] src = x.toFloatArray();
            float[] v = new float[from.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = from[i] >= 0 ? src[from[i]] : (float) fillOf(-1 - from[i]);
            }
            out = Tensor.wrap(v, s);
        }
        return new Batch(out, batch.y(), batch.targets(), batch.indices());
    }

    private double fillOf(int channel) {
        return fill.length == 0 ? 0 : fill[channel];
    }

    /**
     * For each output element, the flat index of the input element it copies, or {@code -1 - channel}
     * where it is padding: out[k, ch, i, j] = x[k, ch, i + dy, j' + dx] with j' = W-1-j when mirrored.
     */
    private static int[] sources(int[] s, int[] dy, int[] dx, boolean[] mirror) {
        int h = s[2];
        int w = s[3];
        int[] from = new int[s[0] * s[1] * h * w];
        for (int k = 0; k < s[0]; k++) {
            for (int ch = 0; ch < s[1]; ch++) {
                int plane = (k * s[1] + ch) * h * w;
                for (int i = 0; i < h; i++) {
                    int si = i + dy[k];
                    for (int j = 0; j < w; j++) {
                        int sj = (mirror[k] ? w - 1 - j : j) + dx[k];
                        from[plane + i * w + j] = si >= 0 && si < h && sj >= 0 && sj < w ? plane + si * w + sj : -1 - ch;
                    }
                }
            }
        }
        return from;
    }
}
