package org.occam.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CIFAR-10, CIFAR-100 and CIFAR-FS from the local data cache: {@code <cache>/cifar10/} holds the
 * five {@code data_batch_N.bin} and {@code test_batch.bin}, {@code <cache>/cifar100/} holds
 * {@code train.bin} and {@code test.bin}, as {@code ./occam data fetch cifar10|cifar100 --from DIR}
 * installs them (with a {@code SHA256SUMS} of what was installed). Every load parses the files
 * with {@link CifarReader}'s bounds and label checks.
 */
public final class CifarCache {
    /** The checksum list written next to the installed files. */
    public static final String SUMS = "SHA256SUMS";

    private CifarCache() {}

    /**
     * The cache folder of a CIFAR data set.
     *
     * @param root the cache root
     * @param data CIFAR-10 or CIFAR-100
     * @return the folder
     */
    public static Path folder(Path root, Cifar data) {
        return root.resolve(data.id());
    }

    /**
     * True when every record file of the data set is in the cache (not parsed).
     *
     * @param root the cache root
     * @param data CIFAR-10 or CIFAR-100
     * @return whether all its files are there
     */
    public static boolean isInstalled(Path root, Cifar data) {
        return data.allFiles().stream().allMatch(f -> Files.isRegularFile(folder(root, data).resolve(f)));
    }

    /**
     * One split from the cache, images ÷255 in float32, named e.g. {@code cifar10-train} or
     * {@code cifar100-coarse-test}; {@code coarse} selects CIFAR-100's 20 superclass labels.
     *
     * @param data CIFAR-10 or CIFAR-100
     * @param split TRAIN or TEST
     * @param coarse whether to take CIFAR-100's coarse labels
     * @param layout flat or channels first
     * @param root the cache root
     * @return the data set
     * @throws DataException when a file is missing (naming the fetch command) or malformed
     */
    public static Dataset load(Cifar data, Split split, boolean coarse, ImageLayout layout, Path root) {
        if (coarse && data.coarseNames().isEmpty()) {
            throw new IllegalArgumentException(data.title() + " has no coarse labels");
        }
        CifarReader.Records r = CifarReader.read(data, installed(root, data), data.files(split));
        String name = data.id() + (coarse ? "-coarse-" : "-") + (split == Split.TRAIN ? "train" : "test");
        return Dataset.of(name, CifarReader.images(r, layout), coarse ? r.coarse() : r.labels(),
                coarse ? data.coarseNames().size() : data.classNames().size(),
                coarse ? data.coarseNames() : data.classNames());
    }

    /**
     * A CIFAR-FS split ({@link CifarFs}) from the cached CIFAR-100: every image of its classes from
     * train.bin then test.bin, in file order, relabelled 0..k-1 in the split's class order.
     *
     * @param split the CIFAR-FS split
     * @param layout flat or channels first
     * @param root the cache root
     * @return the data set
     */
    public static Dataset cifarFs(CifarFs split, ImageLayout layout, Path root) {
        Cifar c = Cifar.CIFAR100;
        int[] classes = split.cifar100Labels();
        CifarReader.Records r = CifarReader.read(c, installed(root, c), c.allFiles()).withLabels(classes);
        Dataset all = Dataset.of("cifar100-all", CifarReader.images(r, layout), r.labels(), c.classNames().size(),
                c.classNames());
        return all.classSubset(classes).withName("cifar-fs-" + split.id());
    }

    /** The cache folder, after checking that every file is there; else the fetch command. */
    private static Path installed(Path root, Cifar data) {
        Path dir = folder(root, data);
        for (String f : data.allFiles()) {
            Path p = dir.resolve(f);
            if (!Files.isRegularFile(p)) {
                throw new DataException(data.id() + " is not in the data cache: " + p.toAbsolutePath() + " is missing"
                        + " (the cache is $" + DataCache.ENV + ", else ~/.cache/occam)", data.fixCommand(), null);
            }
        }
        return dir;
    }
}
