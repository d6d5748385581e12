package org.occam.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builders for the standard architectures, and the spec strings the CLI uses:
 * {@code mlp:784-512-512-10:tanh[:nobias]}, {@code cnn:1x28x28:16-32:10[:relu]},
 * {@code resnet:1x28x28:16x2:10}, and the BatchNorm networks of {@link PaperModels}
 * ({@code resnet18:3x32x32:10}, {@code resnet20:1x28x28:10}, {@code wrn-16-4:3x32x32:10}, {@code vgg11:3x32x32:10}).
 */
public final class Models {
    /** Every spec form, as help texts and errors print it. */
    public static final String GRAMMAR = "mlp:784-512-512-10:tanh[:nobias], cnn:1x28x28:16-32:10[:relu], resnet:1x28x28:16x2:10, "
            + PaperModels.GRAMMAR;

    private Models() {
    }

    /**
     * MLP with the activation between Linear layers: Sequential(Linear, act, Linear, act, ..., Linear).
     *
     * @param act the activation between layers
     * @param bias whether the Linear layers have biases
     * @param sizes the layer widths, input first and classes last
     * @return the network
     */
    public static Sequential mlp(Activation act, boolean bias, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least input and output sizes, got " + sizes.length + " sizes");
        }
        List<Layer> l = new ArrayList<>();
        for (int i = 0; i < sizes.length - 1; i++) {
            if (i > 0) {
                l.add(act);
            }
            l.add(new Linear(sizes[i], sizes[i + 1], bias));
        }
        return new Sequential(l);
    }

    /**
     * {@link #mlp(Activation, boolean, int...)} with biases.
     *
     * @param act the activation between layers
     * @param sizes the layer widths, input first and classes last
     * @return the network
     */
    public static Sequential mlp(Activation act, int... sizes) {
        return mlp(act, true, sizes);
    }

    /**
     * Small CNN: for each width, Conv2d(3x3, padding 1) + act + MaxPool2d(2); then Flatten and Linear.
     *
     * @param channels input channels
     * @param height input height
     * @param width input width
     * @param widths the channels of each convolution
     * @param classes the number of outputs
     * @param act the activation after each convolution
     * @return the network
     */
    public static Sequential cnn(int channels, int height, int width, int[] widths, int classes, Activation act) {
        List<Layer> l = new ArrayList<>();
        int c = channels;
        int h = height;
        int w = width;
        for (int wd : widths) {
            l.add(new Conv2d(c, wd, 3, 1, 1, true));
            l.add(act);
            l.add(new Pool2d(true, 2, 2, 0));
            c = wd;
            h /= 2;
            w /= 2;
        }
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("cnn: " + widths.length + " pooling stages shrink a " + height + "x" + width
                    + " image to nothing");
        }
        l.add(new Flatten());
        l.add(new Linear(c * h * w, classes, true));
        return new Sequential(l);
    }

    /**
     * Small ResNet: Conv2d stem (3x3) + ReLU, {@code blocks} residual blocks
     * (Conv-ReLU-Conv, skip, ReLU) at constant width, global average pooling, Linear.
     *
     * @param channels input channels
     * @param height input height
     * @param width input width
     * @param filters the channels of every block
     * @param blocks the number of residual blocks
     * @param classes the number of outputs
     * @return the network
     */
    public static Sequential resnet(int channels, int height, int width, int filters, int blocks, int classes) {
        List<Layer> l = new ArrayList<>();
        l.add(new Conv2d(channels, filters, 3, 1, 1, true));
        l.add(Activation.RELU);
        for (int b = 0; b < blocks; b++) {
            Sequential body = Sequential.of(new Conv2d(filters, filters, 3, 1, 1, true), Activation.RELU,
                    new Conv2d(filters, filters, 3, 1, 1, true));
            l.add(new Residual(body, Activation.RELU));
        }
        if (height != width) {
            throw new IllegalArgumentException("resnet: global pooling needs a square image, got " + height + "x" + width);
        }
        l.add(new Pool2d(false, height, height, 0));
        l.add(new Flatten());
        l.add(new Linear(filters, classes, true));
        return new Sequential(l);
    }

    /**
     * Parses a model spec; errors say which part is wrong and show the grammar.
     *
     * @param spec the spec, e.g. {@code mlp:64-128-10:tanh}
     * @return the network
     */
    public static Sequential parse(String spec) {
        String[] parts = spec.trim().split(":");
        try {
            if (PaperModels.handles(parts[0].toLowerCase(Locale.ROOT))) {
                return PaperModels.parse(parts);
            }
            return switch (parts[0].toLowerCase(Locale.ROOT)) {
                case "mlp" -> parseMlp(parts);
                case "cnn" -> {
                    int[] chw = ints(parts[1], "x");
                    Activation act = parts.length > 4 ? Activation.parse(parts[4]) : Activation.RELU;
                    yield cnn(chw[0], chw[1], chw[2], ints(parts[2], "-"), Integer.parseInt(parts[3]), act);
                }
                case "resnet" -> {
                    int[] chw = ints(parts[1], "x");
                    int[] fb = ints(parts[2], "x");
                    yield resnet(chw[0], chw[1], chw[2], fb[0], fb[1], Integer.parseInt(parts[3]));
                }
                default -> throw new IllegalArgumentException("unknown model kind '" + parts[0] + "'");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad model spec '" + spec + "': " + e.getMessage()
                    + ". Allowed forms: " + GRAMMAR, e);
        }
    }

    private static Sequential parseMlp(String[] parts) {
        if (parts.length < 2) {
            throw new IllegalArgumentException("missing layer sizes");
        }
        Activation act = parts.length > 2 ? Activation.parse(parts[2]) : Activation.RELU;
        boolean bias = true;
        for (int i = 3; i < parts.length; i++) {
            if (parts[i].equalsIgnoreCase("nobias")) {
                bias = false;
            } else {
                throw new IllegalArgumentException("unknown option '" + parts[i] + "' (allowed: nobias)");
            }
        }
        return mlp(act, bias, ints(parts[1], "-"));
    }

    static int[] ints(String s, String sep) {
        String[] p = s.split(sep);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Integer.parseInt(p[i].trim());
            if (out[i] <= 0) {
                throw new IllegalArgumentException("sizes must be positive, got " + out[i]);
            }
        }
        return out;
    }
}
