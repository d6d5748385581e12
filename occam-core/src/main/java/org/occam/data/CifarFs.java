package org.occam.data;

import java.util.List;
import java.util.Locale;

/**
 * CIFAR-FS, the few-shot benchmark of Bertinetto, Henriques, Torr and Vedaldi, "Meta-learning with
 * differentiable closed-form solvers" (ICLR 2019): the 100 CIFAR-100 classes split into 64
 * meta-training, 16 meta-validation and 20 meta-test classes, each with all 600 of its images
 * (CIFAR-100's train and test files together). The class lists are those of the authors' split
 * files ({@code data/cifar-fs/splits/bertinetto/{train,val,test}.txt} in github.com/bertinetto/r2d2),
 * as reproduced in torchmeta ({@code torchmeta/datasets/assets/cifar100/cifar-fs/{train,val,test}.json}
 * in github.com/tristandeleu/pytorch-meta). Within a split, class {@code k} is the k-th of its
 * classes in CIFAR-100 label order (alphabetical).
 */
public enum CifarFs {
    /** The 64 meta-training classes. */
    TRAIN(List.of("apple", "aquarium_fish", "bear", "bee", "bottle", "bowl", "boy", "bridge", "bus", "can", "castle",
            "caterpillar", "chair", "clock", "cloud", "cockroach", "couch", "cup", "dinosaur", "dolphin", "elephant",
            "forest", "girl", "hamster", "house", "kangaroo", "keyboard", "lawn_mower", "lion", "lizard", "lobster",
            "mountain", "mouse", "mushroom", "oak_tree", "orange", "orchid", "palm_tree", "pear", "pine_tree", "plate",
            "porcupine", "possum", "rabbit", "raccoon", "ray", "road", "seal", "shrew", "skunk", "skyscraper", "snake",
            "spider", "squirrel", "streetcar", "sunflower", "tank", "tiger", "train", "trout", "tulip", "turtle",
            "willow_tree", "wolf")),
    /** The 16 validation classes. */
    VAL(List.of("beaver", "beetle", "butterfly", "camel", "cattle", "crab", "crocodile", "flatfish", "lamp",
            "maple_tree", "motorcycle", "otter", "sea", "shark", "television", "tractor")),
    /** The 20 meta-test classes. */
    TEST(List.of("baby", "bed", "bicycle", "chimpanzee", "fox", "leopard", "man", "pickup_truck", "plain", "poppy",
            "rocket", "rose", "snail", "sweet_pepper", "table", "telephone", "wardrobe", "whale", "woman", "worm"));

    private final List<String> classes;

    CifarFs(List<String> classes) {
        this.classes = classes;
    }

    /**
     * The CIFAR-100 fine class names of this split, in CIFAR-100 label order.
     *
     * @return the names
     */
    public List<String> classNames() {
        return classes;
    }

    /**
     * The CIFAR-100 fine labels of this split's classes, ascending.
     *
     * @return the labels
     */
    public int[] cifar100Labels() {
        List<String> all = Cifar.CIFAR100.classNames();
        return classes.stream().mapToInt(name -> {
            int i = all.indexOf(name);
            if (i < 0) {
                throw new IllegalStateException("CIFAR-FS class " + name + " is not a CIFAR-100 class");
            }
            return i;
        }).toArray();
    }

    /**
     * The split's name in data specs ({@code train}, {@code val}, {@code test}).
     *
     * @return the name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
