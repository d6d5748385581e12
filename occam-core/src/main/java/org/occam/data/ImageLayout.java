package org.occam.data;

/** How image samples are laid out in a data set's feature tensor. */
public enum ImageLayout {
    /** Each image flattened row-major: x has shape [N, C*H*W] (MNIST: [N, 784]). */
    FLAT,
    /** Channels first: x has shape [N, C, H, W] (MNIST: [N, 1, 28, 28]). */
    NCHW;

    /**
     * The full tensor shape for n images of c channels, h rows and w columns.
     *
     * @param n the number of images
     * @param c channels
     * @param h rows
     * @param w columns
     * @return [n, c·h·w] or [n, c, h, w]
     */
    public int[] shape(int n, int c, int h, int w) {
        return this == FLAT ? new int[] {n, c * h * w} : new int[] {n, c, h, w};
    }
}
