package org.occam.data;

import java.util.List;
import java.util.stream.Stream;

/**
 * The CIFAR-10 and CIFAR-100 data sets in their official "binary version" (Krizhevsky 2009,
 * https://www.cs.toronto.edu/~kriz/cifar.html): files of fixed-size records, each the label byte(s)
 * then 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue, each a 32x32 row-major plane).
 * CIFAR-10 ({@code cifar-10-batches-bin/}): {@code data_batch_1.bin} … {@code data_batch_5.bin}
 * and {@code test_batch.bin}, 10,000 records of 1 + 3,072 bytes each. CIFAR-100
 * ({@code cifar-100-binary/}): {@code train.bin} (50,000) and {@code test.bin} (10,000), records
 * of a coarse label byte, a fine label byte and 3,072 pixel bytes.
 *
 * <p>The archive md5s are those published on the CIFAR page (its table "Version / Size / md5sum",
 * also pinned by e.g. torchvision-style loaders: {@code c32a1d4ab5d03f1284b67883e8d87530} for
 * {@code cifar-10-binary.tar.gz}, {@code 03b5dce01913d631647c71ecec9e9cb8} for
 * {@code cifar-100-binary.tar.gz}). The per-channel statistics (÷255, population std over the 50,000
 * training images) are the usual ones: CIFAR-10 mean (0.4914, 0.4822, 0.4465), std (0.2470, 0.2435,
 * 0.2616); CIFAR-100 mean (0.5071, 0.4865, 0.4409), std (0.2673, 0.2564, 0.2762).
 */
public enum Cifar {
    /** CIFAR-10 (Krizhevsky 2009): 10 classes, five training files of 10,000 records and one test file. */
    CIFAR10("cifar10", "CIFAR-10", "cifar-10-batches-bin",
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
            List.of("test_batch.bin"), 10_000, 10_000, 1, "cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530",
            new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.2470, 0.2435, 0.2616},
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"), List.of()),
    /** CIFAR-100: 100 fine classes in 20 coarse ones, one training file of 50,000 records and one test file. */
    CIFAR100("cifar100", "CIFAR-100", "cifar-100-binary", List.of("train.bin"), List.of("test.bin"), 50_000, 10_000, 2,
            "cifar-100-binary.tar.gz", "03b5dce01913d631647c71ecec9e9cb8",
            new double[] {0.5071, 0.4865, 0.4409}, new double[] {0.2673, 0.2564, 0.2762},
            List.of("apple", "aquarium_fish", "baby", "bear", "beaver", "bed", "bee", "beetle", "bicycle", "bottle",
                    "bowl", "boy", "bridge", "bus", "butterfly", "camel", "can", "castle", "caterpillar", "cattle",
                    "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch", "crab", "crocodile", "cup", "dinosaur",
                    "dolphin", "elephant", "flatfish", "forest", "fox", "girl", "hamster", "house", "kangaroo",
                    "keyboard", "lamp", "lawn_mower", "leopard", "lion", "lizard", "lobster", "man", "maple_tree",
                    "motorcycle", "mountain", "mouse", "mushroom", "oak_tree", "orange", "orchid", "otter", "palm_tree",
                    "pear", "pickup_truck", "pine_tree", "plain", "plate", "poppy", "porcupine", "possum", "rabbit",
                    "raccoon", "ray", "road", "rocket", "rose", "sea", "seal", "shark", "shrew", "skunk", "skyscraper",
                    "snail", "snake", "spider", "squirrel", "streetcar", "sunflower", "sweet_pepper", "table", "tank",
                    "telephone", "television", "tiger", "tractor", "train", "trout", "tulip", "turtle", "wardrobe",
                    "whale", "willow_tree", "wolf", "woman", "worm"),
            List.of("aquatic_mammals", "fish", "flowers", "food_containers", "fruit_and_vegetables",
                    "household_electrical_devices", "household_furniture", "insects", "large_carnivores",
                    "large_man-made_outdoor_things", "large_natural_outdoor_scenes", "large_omnivores_and_herbivores",
                    "medium_mammals", "non-insect_invertebrates", "people", "reptiles", "small_mammals", "trees",
                    "vehicles_1", "vehicles_2"));

    /** Channels, rows and columns of every image. */
    public static final int CHANNELS = 3;
    /** The side of every (square) image. */
    public static final int SIDE = 32;
    /** Pixel bytes per record. */
    public static final int PIXELS = CHANNELS * SIDE * SIDE;

    private final String id;
    private final String title;
    private final String archiveFolder;
    private final List<String> trainFiles;
    private final List<String> testFiles;
    private final int trainRecordsPerFile;
    private final int testRecordsPerFile;
    private final int labelBytes;
    private final String archive;
    private final String archiveMd5;
    private final double[] mean;
    private final double[] std;
    private final List<String> classNames;
    private final List<String> coarseNames;

    Cifar(String id, String title, String archiveFolder, List<String> trainFiles, List<String> testFiles,
          int trainRecordsPerFile, int testRecordsPerFile, int labelBytes, String archive, String archiveMd5,
          double[] mean, double[] std, List<String> classNames, List<String> coarseNames) {
        this.id = id;
        this.title = title;
        this.archiveFolder = archiveFolder;
        this.trainFiles = trainFiles;
        this.testFiles = testFiles;
        this.trainRecordsPerFile = trainRecordsPerFile;
        this.testRecordsPerFile = testRecordsPerFile;
        this.labelBytes = labelBytes;
        this.archive = archive;
        this.archiveMd5 = archiveMd5;
        this.mean = mean;
        this.std = std;
        this.classNames = classNames;
        this.coarseNames = coarseNames;
    }

    /**
     * The command-line name and cache folder ({@code cifar10}, {@code cifar100}).
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The name in messages ({@code CIFAR-10}).
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The folder inside the official archive ({@code cifar-10-batches-bin}).
     *
     * @return the folder's name
     */
    public String archiveFolder() {
        return archiveFolder;
    }

    /**
     * The record files of a split, in the order their records are concatenated.
     *
     * @param split TRAIN or TEST
     * @return the file names
     */
    public List<String> files(Split split) {
        return split == Split.TRAIN ? trainFiles : testFiles;
    }

    /**
     * Every record file: train then test.
     *
     * @return the file names
     */
    public List<String> allFiles() {
        return Stream.concat(trainFiles.stream(), testFiles.stream()).toList();
    }

    /**
     * How many records each file of a split holds in the official release.
     *
     * @param split TRAIN or TEST
     * @return records per file
     */
    public int officialRecords(Split split) {
        return split == Split.TRAIN ? trainRecordsPerFile : testRecordsPerFile;
    }

    /**
     * Label bytes before the pixels of a record: 1 (CIFAR-10) or 2 (CIFAR-100: coarse, fine).
     *
     * @return 1 or 2
     */
    public int labelBytes() {
        return labelBytes;
    }

    /**
     * Bytes per record.
     *
     * @return label bytes plus 3072 pixel bytes
     */
    public int recordBytes() {
        return labelBytes + PIXELS;
    }

    /**
     * The official archive's file name.
     *
     * @return the file name
     */
    public String archive() {
        return archive;
    }

    /**
     * The md5 of the official archive published on the CIFAR page.
     *
     * @return the md5, lowercase hex
     */
    public String archiveMd5() {
        return archiveMd5;
    }

    /**
     * The (fine) class names, in label order.
     *
     * @return the names
     */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * The coarse (superclass) names of CIFAR-100 in label order; empty for CIFAR-10.
     *
     * @return the names
     */
    public List<String> coarseNames() {
        return coarseNames;
    }

    /**
     * The published per-channel statistics (÷255) of the training images.
     *
     * @return the mean and std of each channel
     */
    public Normalization published() {
        return Normalization.perChannel(mean, std);
    }

    /**
     * The command that installs this data set into the cache.
     *
     * @return the command line
     */
    public String fixCommand() {
        return "./occam data fetch " + id + " --from DIR (DIR: your " + archiveFolder + " folder or " + archive + ")";
    }

    /**
     * The data set with this command-line id, or null.
     *
     * @param id {@code cifar10} or {@code cifar100}
     * @return the data set, or null
     */
    public static Cifar byId(String id) {
        for (Cifar c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
