package org.occam.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BatchNorm networks the papers train on CIFAR, with the state_dict names of the PyTorch code
 * everyone uses, so its checkpoints load without renaming:
 * <ul>
 *   <li>{@code resnet18}: kuangliu/pytorch-cifar's ResNet-18 (3×3 stem conv1/bn1, no max-pool,
 *       layer1..layer4 of two BasicBlocks at width·(1, 2, 4, 8), projection shortcuts
 *       shortcut.0/shortcut.1, global average pooling, linear); width 64 is the paper's.</li>
 *   <li>{@code resnet20} (and any depth 6n+2: 32, 44, 56, 110): He et al.'s CIFAR ResNet in
 *       akamaster/pytorch_resnet_cifar10's layout (conv1/bn1, layer1..layer3 of n BasicBlocks at
 *       width·(1, 2, 4), linear), option-A shortcuts (parameter-free) or option B projections.</li>
 *   <li>{@code wrn-D-K}: WRN-D-K in xternalz/WideResNet-pytorch's layout (conv1, block1..block3
 *       .layer.i pre-activation blocks at 16K, 32K, 64K, bn1, fc).</li>
 *   <li>{@code vgg11} or {@code vgg:CFG}: kuangliu's VGG (features = conv-BN-ReLU per number,
 *       MaxPool2d(2) per M; classifier).</li>
 * </ul>
 * Inputs are [N, C, H, W] (3×32×32 for CIFAR, 1×28×28 for MNIST-like data).
 */
public final class PaperModels {
    private PaperModels() {
    }

    /** The spec grammar, as printed in help texts and errors. */
    public static final String GRAMMAR = "resnet18:3x32x32:10[:width=64], resnet20:3x32x32:10[:width=16][:shortcut=a|b]"
            + " (depth 6n+2), wrn-16-4:3x32x32:10[:dropout=0.3], vgg11:3x32x32:10[:width=64], vgg:3x32x32:16-M-32-M:10";

    /**
     * kuangliu's CIFAR ResNet-18 with stage widths width·(1, 2, 4, 8).
     *
     * @param channels input channels
     * @param classes the number of outputs
     * @param width the first stage's width (64 in the paper)
     * @return the network
     */
    public static Sequential resnet18(int channels, int classes, int width) {
        return resnet(channels, classes, width, new int[] {2, 2, 2, 2}, true, Init.TORCH);
    }

    /**
     * He et al.'s CIFAR ResNet of the given depth (6n+2), widths width·(1, 2, 4); option A or B shortcuts.
     *
     * @param depth the number of layers, 6n+2 (20, 32, 44, 56, 110)
     * @param channels input channels
     * @param classes the number of outputs
     * @param width the first stage's width (16 in the paper)
     * @param projection whether mismatched shortcuts are 1×1 convolutions (option B) rather than padding (option A)
     * @return the network
     */
    public static Sequential resnetCifar(int depth, int channels, int classes, int width, boolean projection) {
        if (depth < 8 || (depth - 2) % 6 != 0) {
            throw new IllegalArgumentException("a CIFAR ResNet has depth 6n+2 (20, 32, 44, 56, 110), got " + depth);
        }
        int n = (depth - 2) / 6;
        return resnet(channels, classes, width, new int[] {n, n, n}, projection, Init.parse("he"));
    }

    private static Sequential resnet(int channels, int classes, int width, int[] blocks, boolean projection, Init init) {
        List<Layer> l = new ArrayList<>(List.of(new Conv2d(channels, width, 3, 1, 1, false, init), BatchNorm.d2(width),
                Activation.RELU));
        List<String> names = new ArrayList<>(List.of("conv1", "bn1", "relu"));
        int in = width;
        for (int s = 0; s < blocks.length; s++) {
            int out = width << s;
            List<Layer> stage = new ArrayList<>();
            for (int b = 0; b < blocks[s]; b++) {
                stage.add(new BasicBlock(in, out, b == 0 && s > 0 ? 2 : 1, projection, init));
                in = out;
            }
            l.add(new Sequential(stage));
            names.add("layer" + (s + 1));
        }
        l.addAll(List.of(new AdaptiveAvgPool2d(1), new Flatten(), new Linear(in, classes, true)));
        names.addAll(List.of("avgpool", "flatten", "linear"));
        return new Sequential(l, names);
    }

    /**
     * WRN-depth-widen (depth 6n+4) with dropout between the convolutions of each block.
     *
     * @param depth the number of layers, 6n+4 (e.g. 28)
     * @param widen the widening factor k (e.g. 10)
     * @param channels input channels
     * @param classes the number of outputs
     * @param dropRate the dropout probability inside each block
     * @return the network
     */
    public static Sequential wideResnet(int depth, int widen, int channels, int classes, double dropRate) {
        if (depth < 10 || (depth - 4) % 6 != 0 || widen < 1) {
            throw new IllegalArgumentException("a wide ResNet has depth 6n+4 (10, 16, 22, 28, 40) and widen factor >= 1, got "
                    + depth + "-" + widen);
        }
        int n = (depth - 4) / 6;
        List<Layer> l = new ArrayList<>(List.of(new Conv2d(channels, 16, 3, 1, 1, false, Init.parse("he"))));
        List<String> names = new ArrayList<>(List.of("conv1"));
        int in = 16;
        for (int s = 0; s < 3; s++) {
            int out = (16 << s) * widen;
            List<Layer> stage = new ArrayList<>();
            for (int b = 0; b < n; b++) {
                stage.add(new WideBlock(in, out, b == 0 && s > 0 ? 2 : 1, dropRate));
                in = out;
            }
            l.add(new Sequential(List.of(new Sequential(stage)), List.of("layer")));
            names.add("block" + (s + 1));
        }
        l.addAll(List.of(BatchNorm.d2(in), Activation.RELU, new AdaptiveAvgPool2d(1), new Flatten(),
                new Linear(in, classes, true)));
        names.addAll(List.of("bn1", "relu", "avgpool", "flatten", "fc"));
        return new Sequential(l, names);
    }

    /**
     * kuangliu's VGG: cfg entries are conv widths (conv3×3-BN-ReLU) or -1 for MaxPool2d(2).
     *
     * @param channels input channels
     * @param height input height
     * @param width input width
     * @param cfg the layer list: conv widths, −1 for max pooling
     * @param classes the number of outputs
     * @return the network
     */
    public static Sequential vgg(int channels, int height, int width, int[] cfg, int classes) {
        List<Layer> features = new ArrayList<>();
        int c = channels;
        int h = height;
        int w = width;
        for (int v : cfg) {
            if (v < 0) {
                features.add(new Pool2d(true, 2, 2, 0));
                h /= 2;
                w /= 2;
            } else {
                features.addAll(List.of(new Conv2d(c, v, 3, 1, 1, true), BatchNorm.d2(v), Activation.RELU));
                c = v;
            }
        }
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("vgg: the pooling stages shrink a " + height + "x" + width + " image to nothing");
        }
        return new Sequential(List.of(new Sequential(features), new Flatten(), new Linear(c * h * w, classes, true)),
                List.of("features", "flatten", "classifier"));
    }

    /** True when {@code kind} (the spec's first field) names one of these models. */
    static boolean handles(String kind) {
        return kind.matches("resnet\\d+|wrn-\\d+-\\d+|vgg\\d*");
    }

    /** Parses a spec of {@link #GRAMMAR}. */
    static Sequential parse(String[] parts) {
        String kind = parts[0].toLowerCase(Locale.ROOT);
        if (parts.length < 3) {
            throw new IllegalArgumentException(kind + " needs an input shape and a class count, e.g. " + kind + ":3x32x32:10");
        }
        int[] chw = Models.ints(parts[1], "x");
        if (chw.length != 3) {
            throw new IllegalArgumentException("input shape must be CxHxW, got " + parts[1]);
        }
        boolean custom = kind.equals("vgg");
        int classIndex = custom ? 3 : 2;
        if (parts.length <= classIndex) {
            throw new IllegalArgumentException("missing the class count");
        }
        int classes = Models.ints(parts[classIndex], "-")[0];
        Map<String, String> opt = options(parts, classIndex + 1);
        Sequential net;
        if (kind.equals("resnet18")) {
            net = resnet18(chw[0], classes, intOption(opt, "width", 64));
        } else if (kind.startsWith("resnet")) {
            String sc = opt.getOrDefault("shortcut", "a");
            if (!sc.equals("a") && !sc.equals("b")) {
                throw new IllegalArgumentException("shortcut must be a (zero-padding, no parameters) or b (1x1 conv + BN), got " + sc);
            }
            opt.remove("shortcut");
            net = resnetCifar(Integer.parseInt(kind.substring(6)), chw[0], classes, intOption(opt, "width", 16), sc.equals("b"));
        } else if (kind.startsWith("wrn-")) {
            String[] dk = kind.split("-");
            double drop = opt.containsKey("dropout") ? Double.parseDouble(opt.remove("dropout")) : 0;
            net = wideResnet(Integer.parseInt(dk[1]), Integer.parseInt(dk[2]), chw[0], classes, drop);
        } else if (kind.equals("vgg11")) {
            int w = intOption(opt, "width", 64);
            int[] cfg = {w, -1, 2 * w, -1, 4 * w, 4 * w, -1, 8 * w, 8 * w, -1, 8 * w, 8 * w, -1};
            net = vgg(chw[0], chw[1], chw[2], cfg, classes);
        } else if (custom) {
            net = vgg(chw[0], chw[1], chw[2], vggConfig(parts[2]), classes);
        } else {
            throw new IllegalArgumentException("unknown model kind '" + kind + "'");
        }
        if (!opt.isEmpty()) {
            throw new IllegalArgumentException("unknown option " + opt.keySet() + " for " + kind);
        }
        return net;
    }

    private static int[] vggConfig(String s) {
        String[] p = s.split("-");
        int[] cfg = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            cfg[i] = p[i].equalsIgnoreCase("M") ? -1 : Models.ints(p[i], "-")[0];
        }
        return cfg;
    }

    private static Map<String, String> options(String[] parts, int from) {
        Map<String, String> m = new HashMap<>();
        for (int i = from; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("options are key=value, got '" + parts[i] + "'");
            }
            m.put(kv[0].trim().toLowerCase(Locale.ROOT), kv[1].trim().toLowerCase(Locale.ROOT));
        }
        return m;
    }

    private static int intOption(Map<String, String> opt, String key, int dflt) {
        String v = opt.remove(key);
        return v == null ? dflt : Models.ints(v, "-")[0];
    }
}
