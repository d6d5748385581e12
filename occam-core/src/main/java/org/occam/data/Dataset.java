package org.occam.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * An immutable in-memory data set: inputs {@code x} [N, ...] (a dense constant tensor), and class
 * labels {@code y} in {@code [0, numClasses)}, regression {@code targets} [N, ...], or both.
 *
 * <p>Every method returns a new data set; none changes this one. Methods that take an {@link Rng}
 * advance it, so the same seed gives the same result. Arrays are copied in and out. Equality is
 * the record default: the tensors and label arrays are compared by identity, not by content.
 *
 * @param name        a short human-readable name (used in reports and error messages)
 * @param x           inputs, first axis = samples; float32 or float64
 * @param y           class labels, or null for a pure regression data set
 * @param numClasses  the number of classes (0 when there are no labels)
 * @param classNames  one name per class, or empty when unnamed
 * @param targets     regression targets with first axis = samples, or null
 */
public record Dataset(String name, Tensor x, int[] y, int numClasses, List<String> classNames, Tensor targets) {
    /**
     * The most classes a data set may have (ImageNet-21k has about 22,000): a larger label is a
     * typo or not a class index, and per-class arrays would be allocated for every class below it.
     */
    public static final int MAX_CLASSES = 100_000;

    /** Checks that the parts agree on N, labels are in 0..numClasses−1, and copies the labels. */
    public Dataset {
        if (name == null || x == null) {
            throw new IllegalArgumentException("a data set needs a name and inputs x");
        }
        if (x.rank() < 1) {
            throw new IllegalArgumentException("data set " + name + ": x must have a sample axis, got a scalar");
        }
        int n = x.size(0);
        x = Rows.dense(x);
        if (y != null) {
            if (y.length != n) {
                throw new IllegalArgumentException("data set " + name + ": x has " + n + " samples but y has " + y.length
                        + " labels");
            }
            if (numClasses < 1) {
                throw new IllegalArgumentException("data set " + name + ": numClasses must be positive, got " + numClasses);
            }
            if (numClasses > MAX_CLASSES) {
                throw new IllegalArgumentException("data set " + name + ": " + numClasses + " classes, more than the limit of "
                        + MAX_CLASSES + "; labels must be class indices 0..K-1");
            }
            for (int i = 0; i < n; i++) {
                if (y[i] < 0 || y[i] >= numClasses) {
                    throw new IllegalArgumentException("data set " + name + ": label " + y[i] + " at row " + i
                            + " is outside [0, " + numClasses + ")");
                }
            }
            y = y.clone();
        } else if (numClasses != 0) {
            throw new IllegalArgumentException("data set " + name + ": numClasses is " + numClasses
                    + " but there are no labels");
        }
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        if (!classNames.isEmpty() && classNames.size() != numClasses) {
            throw new IllegalArgumentException("data set " + name + ": " + classNames.size() + " class names for "
                    + numClasses + " classes");
        }
        if (targets != null) {
            if (targets.rank() < 1 || targets.size(0) != n) {
                throw new IllegalArgumentException("data set " + name + ": targets of shape " + Shape.str(targets.shape())
                        + " do not have " + n + " rows");
            }
            targets = Rows.dense(targets);
        }
    }

    // ------------------------------------------------------------------ construction

    /**
     * A classification data set without class names.
     *
     * @param name the data set's name
     * @param x the inputs [N, ...]
     * @param y the labels in 0..numClasses−1
     * @param numClasses the number of classes
     * @return the data set
     */
    public static Dataset of(String name, Tensor x, int[] y, int numClasses) {
        return new Dataset(name, x, y, numClasses, List.of(), null);
    }

    /**
     * A classification data set with class names (or an empty list).
     *
     * @param name the data set's name
     * @param x the inputs [N, ...]
     * @param y the labels in 0..numClasses−1
     * @param numClasses the number of classes
     * @param classNames the names in label order, or empty
     * @return the data set
     */
    public static Dataset of(String name, Tensor x, int[] y, int numClasses, List<String> classNames) {
        return new Dataset(name, x, y, numClasses, classNames, null);
    }

    /**
     * A regression data set: inputs and targets, no labels.
     *
     * @param name the data set's name
     * @param x the inputs [N, ...]
     * @param targets the targets [N, ...]
     * @return the data set
     */
    public static Dataset regression(String name, Tensor x, Tensor targets) {
        if (targets == null) {
            throw new IllegalArgumentException("data set " + name + ": a regression data set needs targets");
        }
        return new Dataset(name, x, null, 0, List.of(), targets);
    }

    // ------------------------------------------------------------------ accessors

    /**
     * A copy of the labels, or null when there are none.
     *
     * @return the labels, or null
     */
    @Override
    public int[] y() {
        return y == null ? null : y.clone();
    }

    /**
     * The label of row {@code i}.
     *
     * @param i the row
     * @return its label
     */
    public int label(int i) {
        requireLabels("label");
        return y[i];
    }

    /**
     * The number of samples N.
     *
     * @return N
     */
    public int size() {
        return x.size(0);
    }

    /**
     * The shape of one sample (x's shape without the first axis).
     *
     * @return the sample shape
     */
    public int[] sampleShape() {
        return Arrays.copyOfRange(x.shape(), 1, x.rank());
    }

    /**
     * The number of values in one sample.
     *
     * @return the product of the sample shape
     */
    public int features() {
        return Rows.rowLength(x);
    }

    /**
     * The inputs' dtype.
     *
     * @return the dtype
     */
    public DType dtype() {
        return x.dtype();
    }

    /**
     * Whether the rows have class labels.
     *
     * @return true for classification data
     */
    public boolean hasLabels() {
        return y != null;
    }

    /**
     * Whether the rows have regression targets.
     *
     * @return true for regression data
     */
    public boolean hasTargets() {
        return targets != null;
    }

    /**
     * How many samples each class has.
     *
     * @return the count of each class
     */
    public int[] classCounts() {
        requireLabels("classCounts");
        int[] c = new int[numClasses];
        for (int v : y) {
            c[v]++;
        }
        return c;
    }

    // ------------------------------------------------------------------ selection

    /**
     * The same data under another name.
     *
     * @param newName the name
     * @return the renamed data set
     */
    public Dataset withName(String newName) {
        return new Dataset(newName, x, y, numClasses, classNames, targets);
    }

    /**
     * Rows {@code start} (inclusive) to {@code end} (exclusive).
     *
     * @param start the first row
     * @param end one past the last row
     * @return the rows
     */
    public Dataset slice(int start, int end) {
        if (start < 0 || end > size() || start > end) {
            throw new IndexOutOfBoundsException("slice [" + start + ", " + end + ") of data set " + name + " with "
                    + size() + " samples");
        }
        int[] idx = new int[end - start];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = start + i;
        }
        return subset(idx);
    }

    /**
     * The rows at the given indices, in that order (repeats allowed).
     *
     * @param indices the rows to take
     * @return the rows
     */
    public Dataset subset(int... indices) {
        return new Dataset(name, Rows.gather(x, indices), y == null ? null : Rows.pick(y, indices), numClasses,
                classNames, targets == null ? null : Rows.gather(targets, indices));
    }

    /**
     * The rows of the given classes, relabelled 0..k-1 in the order the classes are listed.
     *
     * @param classes the classes to keep
     * @return the rows, relabelled
     */
    public Dataset classSubset(int... classes) {
        return classSubset(true, classes);
    }

    /**
     * The rows of the given classes. With {@code relabel}, class {@code classes[i]} becomes label
     * {@code i} and there are {@code classes.length} classes; without, labels and class count stay.
     *
     * @param relabel whether to number the kept classes 0..k−1
     * @param classes the classes to keep
     * @return the rows
     */
    public Dataset classSubset(boolean relabel, int... classes) {
        requireLabels("classSubset");
        int[] map = new int[numClasses];
        Arrays.fill(map, -1);
        for (int i = 0; i < classes.length; i++) {
            int c = classes[i];
            if (c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("data set " + name + " has classes 0.." + (numClasses - 1)
                        + ", not " + c);
            }
            if (map[c] >= 0) {
                throw new IllegalArgumentException("class " + c + " is listed twice");
            }
            map[c] = i;
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (map[y[i]] >= 0) {
                keep.add(i);
            }
        }
        int[] idx = keep.stream().mapToInt(Integer::intValue).toArray();
        Dataset sub = subset(idx);
        if (!relabel) {
            return sub.withName(name + Arrays.toString(classes));
        }
        int[] ny = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            ny[i] = map[y[idx[i]]];
        }
        List<String> names = new ArrayList<>();
        if (!classNames.isEmpty()) {
            for (int c : classes) {
                names.add(classNames.get(c));
            }
        }
        return new Dataset(name + Arrays.toString(classes), sub.x, ny, classes.length, names, sub.targets);
    }

    // ------------------------------------------------------------------ label corruption

    /**
     * Every label replaced by one drawn uniformly from all classes (a memorization control).
     *
     * @param rng the generator of the labels
     * @return the relabelled data set
     */
    public Dataset withRandomLabels(Rng rng) {
        requireLabels("withRandomLabels");
        return withLabels(rng.ints(size(), numClasses), name + "+random-labels");
    }

    /**
     * Exactly {@code round(fraction * N)} rows, chosen at random, get a label drawn uniformly from
     * the other classes (so each of them is wrong); the rest keep theirs.
     *
     * @param fraction the fraction of rows to mislabel, in [0, 1]
     * @param rng the generator of the rows and labels
     * @return the noisy data set
     */
    public Dataset withLabelNoise(double fraction, Rng rng) {
        requireLabels("withLabelNoise");
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("label noise fraction must be in [0, 1], got " + fraction);
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("label noise needs at least 2 classes; data set " + name + " has "
                    + numClasses);
        }
        int m = (int) Math.round(fraction * size());
        int[] perm = rng.permutation(size());
        int[] ny = y.clone();
        for (int k = 0; k < m; k++) {
            int i = perm[k];
            int other = rng.nextInt(numClasses - 1);
            ny[i] = other >= y[i] ? other + 1 : other;
        }
        return withLabels(ny, name + "+noise" + fraction);
    }

    private Dataset withLabels(int[] ny, String newName) {
        return new Dataset(newName, x, ny, numClasses, classNames, targets);
    }

    // ------------------------------------------------------------------ transforms

    /**
     * Statistics (mean, std) of this set's inputs, to normalize this and other sets alike.
     *
     * @param mode per feature, global or per channel
     * @return the statistics
     */
    public Normalization normalization(Normalization.Mode mode) {
        return Normalization.fit(this, mode);
    }

    /**
     * Inputs standardized with this set's own statistics.
     *
     * @param mode per feature, global or per channel
     * @return the normalized data set
     */
    public Dataset normalized(Normalization.Mode mode) {
        return normalization(mode).apply(this);
    }

    /**
     * Inputs standardized with given statistics (typically those of the training set).
     *
     * @param stats the statistics to standardize with
     * @return the normalized data set
     */
    public Dataset normalizedWith(Normalization stats) {
        return stats.apply(this);
    }

    /**
     * The same data with inputs (and targets) in another dtype.
     *
     * @param dtype the dtype of the result
     * @return the converted data set
     */
    public Dataset asType(DType dtype) {
        if (dtype == x.dtype() && (targets == null || targets.dtype() == dtype)) {
            return this;
        }
        return new Dataset(name, convert(x, dtype), y, numClasses, classNames,
                targets == null ? null : convert(targets, dtype));
    }

    /**
     * The same data with each sample reshaped, e.g. [784] to [1, 28, 28].
     *
     * @param shape the new sample shape (same number of values)
     * @return the reshaped data set
     */
    public Dataset withSampleShape(int... shape) {
        int[] full = new int[shape.length + 1];
        full[0] = size();
        System.arraycopy(shape, 0, full, 1, shape.length);
        if (Shape.numel(shape) != features()) {
            throw new IllegalArgumentException("data set " + name + ": samples of shape " + Shape.str(sampleShape())
                    + " cannot be reshaped to " + Shape.str(shape));
        }
        Tensor nx = x.dtype() == DType.FLOAT64 ? Tensor.wrap(x.doubleData(), full) : Tensor.wrap(x.floatData(), full);
        return new Dataset(name, nx, y, numClasses, classNames, targets);
    }

    private static Tensor convert(Tensor t, DType dtype) {
        return dtype == DType.FLOAT64 ? Tensor.wrap(t.toDoubleArray(), t.shape()) : Tensor.wrap(t.toFloatArray(), t.shape());
    }

    // ------------------------------------------------------------------ splits and batches

    /**
     * A random split: {@code round(testFraction * N)} shuffled rows for test, the rest for train.
     *
     * @param testFraction the fraction of rows for test
     * @param rng the generator of the shuffle
     * @return the split
     */
    public TrainTest split(double testFraction, Rng rng) {
        checkFraction(testFraction);
        int[] perm = rng.permutation(size());
        int nTest = (int) Math.round(testFraction * size());
        int[] test = Arrays.copyOfRange(perm, 0, nTest);
        int[] train = Arrays.copyOfRange(perm, nTest, perm.length);
        Arrays.sort(test);
        Arrays.sort(train);
        return new TrainTest(subset(train).withName(name + "-train"), subset(test).withName(name + "-test"));
    }

    /**
     * A random split that keeps class proportions: from each class, {@code round(testFraction *
     * count)} random rows go to test. Rows keep their original relative order in both parts.
     *
     * @param testFraction the fraction of each class for test
     * @param rng the generator of the draw
     * @return the split
     */
    public TrainTest stratifiedSplit(double testFraction, Rng rng) {
        requireLabels("stratifiedSplit");
        checkFraction(testFraction);
        boolean[] isTest = new boolean[size()];
        // The rows grouped by class, classes ascending and rows in order within each: one sort, no
        // loop over the classes (an absent class draws nothing from rng, as permutation(0) draws nothing).
        long[] byClass = new long[y.length];
        for (int i = 0; i < y.length; i++) {
            byClass[i] = ((long) y[i] << 32) | i;
        }
        Arrays.sort(byClass);
        for (int start = 0; start < byClass.length; ) {
            int end = start;
            while (end < byClass.length && byClass[end] >>> 32 == byClass[start] >>> 32) {
                end++;
            }
            int count = end - start;
            int[] perm = rng.permutation(count);
            int nTest = (int) Math.round(testFraction * count);
            for (int k = 0; k < nTest; k++) {
                isTest[(int) byClass[start + perm[k]]] = true;
            }
            start = end;
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < isTest.length; i++) {
            (isTest[i] ? test : train).add(i);
        }
        return new TrainTest(subset(train.stream().mapToInt(Integer::intValue).toArray()).withName(name + "-train"),
                subset(test.stream().mapToInt(Integer::intValue).toArray()).withName(name + "-test"));
    }

    /**
     * The first {@code index} rows as train, the rest as test (no shuffling).
     *
     * @param index the number of training rows
     * @return the split
     */
    public TrainTest splitAt(int index) {
        return new TrainTest(slice(0, index).withName(name + "-train"), slice(index, size()).withName(name + "-test"));
    }

    /**
     * A deterministic mini-batch schedule (see {@link Batches}); draws one seed from {@code rng}.
     * Read it epoch by epoch: {@code for (Batch b : batches.epoch(e))}.
     *
     * @param batchSize samples per batch
     * @param rng the generator the schedule's seed is drawn from
     * @param order the batch order
     * @return the schedule
     */
    public Batches batches(int batchSize, Rng rng, Order order) {
        return new Batches(this, batchSize, order, rng.nextLong(), false);
    }

    /**
     * The whole data set as one batch (full-batch gradient descent).
     *
     * @return every row, in order
     */
    public Batch all() {
        int[] idx = new int[size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return new Batch(wholeX(), y, targets, idx);
    }

    /**
     * The inputs themselves (not a copy), marked immutable so that full-batch matrix products
     * keep their packed panels across steps ({@link Tensor#markImmutable}); a data set's inputs
     * are never written.
     */
    private Tensor wholeX() {
        return x.isDense() ? x.markImmutable() : x;
    }

    /** Whether the indices are 0, 1, ..., size() − 1: every row, in order. */
    private boolean allRowsInOrder(int[] indices) {
        if (indices.length != size()) {
            return false;
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * The batch made of the given rows.
     *
     * @param indices the rows
     * @return the batch
     */
    public Batch batch(int[] indices) {
        if (x.isDense() && allRowsInOrder(indices)) {
            // full batch in order: the inputs themselves, as all() (no copy per step)
            return new Batch(wholeX(), y == null ? null : Rows.pick(y, indices),
                    targets == null ? null : Rows.gather(targets, indices), indices);
        }
        return new Batch(Rows.gather(x, indices), y == null ? null : Rows.pick(y, indices),
                targets == null ? null : Rows.gather(targets, indices), indices);
    }

    private static void checkFraction(double f) {
        if (!(f >= 0 && f <= 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1], got " + f);
        }
    }

    private void requireLabels(String what) {
        if (y == null) {
            throw new IllegalStateException(what + " needs class labels, but data set " + name + " has none (regression)");
        }
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ": " + size() + " x " + Shape.str(sampleShape()) + " " + x.dtype()
                + (y != null ? ", " + numClasses + " classes" : "")
                + (targets != null ? ", targets " + Shape.str(Arrays.copyOfRange(targets.shape(), 1, targets.rank())) : "")
                + "]";
    }
}
