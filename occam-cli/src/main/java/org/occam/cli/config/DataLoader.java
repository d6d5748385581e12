package org.occam.cli.config;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.Locale;
import org.occam.data.Augmentation;
import org.occam.data.Cifar;
import org.occam.data.CifarFs;
import org.occam.data.CsvReader;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.ImageLayout;
import org.occam.data.Normalization;
import org.occam.data.Split;
import org.occam.data.TrainTest;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;

/**
 * Loads the data of a {@link DataConfig}: sources and slices, the test set, class subset, label
 * corruption, normalization, dtype, in that order. Problems that only show once the data is there
 * (a slice past the end, a class the set lacks) are {@link ConfigException}s naming the field.
 *
 * <p>Randomness comes from {@code data.seed} through separate streams: 1 generates the training
 * set, 2 an explicit synthetic test set, 3 draws a held-out split, 4 corrupts labels.
 */
public final class DataLoader {
    private DataLoader() {
    }

    /**
     * The training set, the test set (null when there is none), and the augmentation of training
     * batches (its padding takes the normalized value of a black pixel, see {@link Augmentation}).
     */
    public record Loaded(Dataset train, Dataset test, Augmentation augment) {
    }

    public static Loaded load(DataConfig d, DType dtype) {
        Rng root = Rng.seed(d.seed());
        ImageLayout layout = d.layout().equals("nchw") ? ImageLayout.NCHW : ImageLayout.FLAT;
        Dataset train = source(d.train(), layout, root.split(1), "data.train");
        Dataset test = switch (d.test()) {
            case DataSource.None n -> null;
            case DataSource.Auto a -> null;
            default -> source(d.test(), layout, root.split(2), "data.test");
        };
        if (d.test() instanceof DataSource.Auto) {
            if (d.train() instanceof DataSource.Builtin b && b.split().equals("train") && !b.name().equals("cifar-fs")) {
                test = source(new DataSource.Builtin(b.name(), "test", null), layout, root, "data.test");
            } else if (d.testFraction() > 0) {
                TrainTest tt = train.hasLabels() && train.numClasses() > 1
                        ? train.stratifiedSplit(d.testFraction(), root.split(3)) : train.split(d.testFraction(), root.split(3));
                train = tt.train();
                test = tt.test();
            }
        }
        if (!d.classes().isEmpty()) {
            int[] cls = d.classes().stream().mapToInt(Integer::intValue).toArray();
            try {
                train = train.classSubset(cls);
                test = test == null ? null : test.classSubset(cls);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ConfigException("data.classes: " + e.getMessage(), e);
            }
        }
        if (d.randomLabels()) {
            train = train.withRandomLabels(root.split(4));
        } else if (d.labelNoise() > 0) {
            try {
                train = train.withLabelNoise(d.labelNoise(), root.split(4));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ConfigException("data.label_noise: " + e.getMessage(), e);
            }
        }
        Normalization stats = switch (d.normalize()) {
            case "none" -> null;
            case "published" -> Datasets.publishedStatistics(((DataSource.Builtin) d.train()).name()).orElseThrow();
            default -> train.normalization(Normalization.Mode.valueOf(d.normalize().toUpperCase(Locale.ROOT)));
        };
        if (stats != null) {
            try {
                train = train.normalizedWith(stats);
                test = test == null ? null : test.normalizedWith(stats);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("data.normalize: " + e.getMessage(), e);
            }
        }
        return new Loaded(train.asType(dtype), test == null ? null : test.asType(dtype), augmentation(d.augment(), stats, train));
    }

    /** The configured crop/flip, padding with the standardized black of each channel when the data was normalized. */
    private static Augmentation augmentation(DataConfig.Augment a, Normalization stats, Dataset train) {
        Augmentation aug = Augmentation.cropAndFlip(a.crop(), a.flip());
        if (stats == null || a.isNone()) {
            return aug;
        }
        int[] shape = train.sampleShape();
        double[] black = new double[shape.length == 3 ? shape[0] : 1];
        for (int c = 0; c < black.length; c++) {
            black[c] = stats.standardize(0, stats.mode() == Normalization.Mode.GLOBAL ? 0 : c);
        }
        return aug.withFill(black);
    }

    /** One data set from a command-line spec (e.g. {@code mnist:train[:1024]}); errors name {@code option}. */
    public static Dataset fromSpec(String spec, String option, ImageLayout layout, DType dtype, long seed) {
        DataSource s = DataSpecs.read(
                new Node(option, TextNode.valueOf(spec)),
                Path.of("."), false);
        return source(s, layout, Rng.seed(seed), option).asType(dtype);
    }

    private static Dataset source(DataSource s, ImageLayout layout, Rng rng, String path) {
        if (layout == ImageLayout.NCHW && (s instanceof DataSource.Csv || s instanceof DataSource.Generated)) {
            throw new ConfigException(path + ": " + s.text() + " has flat feature rows, so layout nchw does not apply to it"
                    + " (it is for image sets: digits, mnist, fashion-mnist, cifar10, ...); use layout flat with an MLP");
        }
        return switch (s) {
            case DataSource.Builtin b -> slice(builtin(b, layout), b.slice(), path);
            case DataSource.Csv c -> slice(CsvReader.read(Path.of(c.path())), c.slice(), path);
            case DataSource.Generated g -> {
                try {
                    yield SyntheticDataRegistry.REGISTRY.create(g.spec(), rng);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(path + ": " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalStateException("not a data source: " + s.text());
        };
    }

    private static Dataset builtin(DataSource.Builtin b, ImageLayout layout) {
        Split split = b.split().equals("test") ? Split.TEST : Split.TRAIN;
        return switch (b.name()) {
            case "digits" -> b.split().equals("all") ? Datasets.digits(layout, DType.FLOAT32)
                    : Datasets.digitsSplit(layout, DType.FLOAT32).get(split);
            case "mnist" -> Datasets.mnist(split, layout);
            case "fashion-mnist" -> Datasets.fashionMnist(split, layout);
            case "mnist-embedded" -> layout == ImageLayout.FLAT ? Datasets.mnistEmbedded(split)
                    : Datasets.mnistEmbedded(split).withSampleShape(1, 28, 28);
            case "cifar10" -> Datasets.cifar(Cifar.CIFAR10, split, false, layout);
            case "cifar100" -> Datasets.cifar(Cifar.CIFAR100, split, false, layout);
            case "cifar100-coarse" -> Datasets.cifar(Cifar.CIFAR100, split, true, layout);
            case "cifar-fs" -> Datasets.cifarFs(CifarFs.valueOf(b.split().toUpperCase(Locale.ROOT)), layout);
            default -> throw new IllegalStateException("unknown built-in data set " + b.name());
        };
    }

    private static Dataset slice(Dataset d, DataSource.Slice s, String path) {
        if (s == null) {
            return d;
        }
        int start = s.start() == null ? 0 : s.start();
        int end = s.end() == null ? d.size() : s.end();
        if (end > d.size() || start >= end) {
            throw new ConfigException(path + ": slice " + s.text() + " does not fit " + d.name() + ", which has "
                    + d.size() + " rows");
        }
        return d.slice(start, end);
    }
}
