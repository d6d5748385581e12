package org.occam.cli.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a data-set spec: {@code digits}, {@code mnist:train[:1024]}, {@code fashion-mnist:test[100:600]},
 * {@code mnist-embedded:train[:1000]} (the MNIST subset inside the jar: 5,000 train, 10,000 test images),
 * {@code cifar10:train[:5000]}, {@code cifar100:test} (fine labels), {@code cifar100-coarse:train} (the 20
 * superclasses), {@code cifar-fs:train|val|test} (CIFAR-FS's 64/16/20 classes), {@code csv:PATH}, a synthetic name ({@code two_moons}, with its defaults) or a synthetic mapping
 * ({@code {name: two_moons, n: 512, noise: 0.1}}); for test sets also {@code auto} and {@code none}.
 */
public final class DataSpecs {
    private DataSpecs() {
    }

    /** The built-in (image) sets. */
    public static final List<String> BUILTIN = List.of("digits", "mnist", "fashion-mnist", "mnist-embedded", "cifar10",
            "cifar100", "cifar100-coarse", "cifar-fs");

    /** The splits of digits; mnist, fashion-mnist and the CIFAR sets have the first two. */
    public static final List<String> SPLITS = List.of("train", "test", "all");

    /** The splits of CIFAR-FS (its meta-train, meta-validation and meta-test classes). */
    public static final List<String> FS_SPLITS = List.of("train", "val", "test");

    private static final Pattern SLICE = Pattern.compile("^(.*)\\[(\\d*):(\\d*)]$");

    /**
     * Reads a spec.
     *
     * @param node     where it is (for messages)
     * @param baseDir  relative CSV paths are resolved against this (the config file's folder)
     * @param testSide whether {@code auto} and {@code none} are allowed
     */
    public static DataSource read(Node node, Path baseDir, boolean testSide) {
        if (node.json().isObject()) {
            return new DataSource.Generated(SyntheticDataRegistry.REGISTRY.read(node));
        }
        if (!node.json().isTextual()) {
            throw node.error("must be a data set spec (e.g. digits, mnist:train[:1024], csv:PATH) or a mapping"
                    + " {name: two_moons, ...}, got " + Node.describe(node.json()));
        }
        String text = node.json().asText().trim();
        if (testSide && text.equals("auto")) {
            return new DataSource.Auto();
        }
        if (testSide && text.equals("none")) {
            return new DataSource.None();
        }
        DataSource.Slice slice = null;
        Matcher m = SLICE.matcher(text);
        if (m.matches()) {
            text = m.group(1);
            Integer start = m.group(2).isEmpty() ? null : parse(node, m.group(2));
            Integer end = m.group(3).isEmpty() ? null : parse(node, m.group(3));
            if (start != null && end != null && start > end) {
                throw node.error("bad slice [" + start + ":" + end + "]: start is after end");
            }
            slice = new DataSource.Slice(start, end);
        }
        if (text.startsWith("csv:")) {
            String file = text.substring(4);
            if (file.isBlank()) {
                throw node.error("csv: needs a file path, e.g. csv:data/iris.csv");
            }
            return new DataSource.Csv(baseDir.resolve(file).toAbsolutePath().normalize().toString(), slice);
        }
        String[] parts = text.split(":", -1);
        if (BUILTIN.contains(parts[0]) && parts.length <= 2) {
            String split = parts.length == 2 ? parts[1] : "train";
            List<String> allowed = splits(parts[0]);
            if (!allowed.contains(split)) {
                throw node.error("unknown split '" + split + "' of " + parts[0] + "; allowed: " + String.join(", ", allowed));
            }
            return new DataSource.Builtin(parts[0], split, slice);
        }
        if (SyntheticDataRegistry.REGISTRY.entry(text) != null) {
            if (slice != null) {
                throw node.error("slices apply to the built-in sets (" + String.join(", ", BUILTIN)
                        + ") and csv sets; size a synthetic set with n");
            }
            return new DataSource.Generated(SyntheticDataRegistry.REGISTRY.read(new Node(node.path(),
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(text))));
        }
        throw node.error("unknown value '" + node.json().asText() + "'; allowed: " + String.join(", ", allowed(testSide)));
    }

    /** Every accepted form, for messages. */
    static List<String> allowed(boolean testSide) {
        List<String> a = new ArrayList<>();
        if (testSide) {
            a.add("auto");
            a.add("none");
        }
        for (String b : BUILTIN) {
            a.add(b + "[:" + String.join("|", splits(b)) + "][[start:end]]");
        }
        a.add("csv:PATH[[start:end]]");
        a.addAll(SyntheticDataRegistry.REGISTRY.names());
        return a;
    }

    /** The splits a built-in set has. */
    static List<String> splits(String builtin) {
        return switch (builtin) {
            case "digits" -> SPLITS;
            case "cifar-fs" -> FS_SPLITS;
            default -> SPLITS.subList(0, 2);
        };
    }

    private static int parse(Node node, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw node.error("slice bound " + digits + " is too large");
        }
    }
}
