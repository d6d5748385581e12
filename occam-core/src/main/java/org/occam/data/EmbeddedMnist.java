package org.occam.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The MNIST subset shipped inside the jar (resources {@code org/occam/data/mnist/}, provenance and
 * licence in the README there): the first {@value #TRAIN_COUNT} training images and the whole
 * {@value #TEST_COUNT}-image test set, gzipped IDX. Every file's sha256 is checked before it is
 * parsed, so a damaged jar fails with a message naming the file.
 */
public final class EmbeddedMnist {
    /** Training images shipped (the first ones of MNIST's training file, in file order). */
    public static final int TRAIN_COUNT = 5000;
    /** Test images shipped: the whole MNIST test set. */
    public static final int TEST_COUNT = 10_000;

    /** The shipped files and the sha256 of their gzipped bytes. */
    public static final List<CachedDataset.PinnedFile> FILES = List.of(
            new CachedDataset.PinnedFile("train-5000-images-idx3-ubyte.gz",
                    "d123737fa47d32101270efe1372983e9f9cacfe0509c8ab53ae7085faf761983"),
            new CachedDataset.PinnedFile("train-5000-labels-idx1-ubyte.gz",
                    "183f0d6e1c50136e698f8b78509f7a351c300f33cb73b17cf97a81d900371324"),
            new CachedDataset.PinnedFile("t10k-images-idx3-ubyte.gz",
                    "1a1a05eab793c14bb050b398624a11b0ffd1a2953baed553b1b9bd079e2a20be"),
            new CachedDataset.PinnedFile("t10k-labels-idx1-ubyte.gz",
                    "b91679a0acfe4ba0e50a2437a903084cba1f5f92592b016a25a7dfd00455798b"));

    private static final String FOLDER = "mnist/";
    private static volatile Dataset train;
    private static volatile Dataset test;

    private EmbeddedMnist() {}

    /**
     * One split: x [N, 784] float32 in [0, 1] (pixels /255), 10 classes; named mnist-embedded-train / -test.
     *
     * @param split TRAIN or TEST
     * @return the data set
     */
    public static Dataset load(Split split) {
        Dataset d = split == Split.TRAIN ? train : test;
        if (d == null) {
            synchronized (EmbeddedMnist.class) {
                d = split == Split.TRAIN ? train : test;
                if (d == null) {
                    d = read(split);
                    if (split == Split.TRAIN) {
                        train = d;
                    } else {
                        test = d;
                    }
                }
            }
        }
        return d;
    }

    /**
     * The verified bytes of one shipped file (gzipped).
     *
     * @param file one of the shipped files
     * @return its bytes, after checking the pin
     */
    public static byte[] verifiedBytes(CachedDataset.PinnedFile file) {
        String path = "org/occam/data/" + FOLDER + file.name();
        byte[] bytes;
        try (InputStream in = EmbeddedMnist.class.getResourceAsStream(FOLDER + file.name())) {
            if (in == null) {
                throw new DataException("resource " + path + " is missing from the class path (broken jar?)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DataException("cannot read resource " + path + ": " + e.getMessage(), e);
        }
        String got = Hashing.sha256(bytes);
        if (!got.equals(file.sha256())) {
            throw new DataException("resource " + path + " has sha256 " + got + " but " + file.sha256()
                    + " is pinned (corrupt jar or edited file; rebuild from a clean checkout)");
        }
        return bytes;
    }

    private static Dataset read(Split split) {
        int first = split == Split.TRAIN ? 0 : 2;
        CachedDataset.PinnedFile imageFile = FILES.get(first);
        CachedDataset.PinnedFile labelFile = FILES.get(first + 1);
        String imageSource = "org/occam/data/" + FOLDER + imageFile.name();
        String labelSource = "org/occam/data/" + FOLDER + labelFile.name();
        IdxReader.IdxArray images = IdxReader.read(new ByteArrayInputStream(verifiedBytes(imageFile)), imageSource);
        IdxReader.IdxArray labels = IdxReader.read(new ByteArrayInputStream(verifiedBytes(labelFile)), labelSource);
        String name = "mnist-embedded-" + (split == Split.TRAIN ? "train" : "test");
        return IdxReader.dataset(name, IdxReader.images(images, imageSource, ImageLayout.FLAT), imageSource,
                IdxReader.labels(labels, labelSource), labelSource, CachedDataset.MNIST.classNames());
    }
}
