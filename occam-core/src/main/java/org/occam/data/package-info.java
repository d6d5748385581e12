/**
 * Data: the {@link org.occam.data.Dataset} value (inputs, labels or regression targets) with its
 * selections, label corruption, normalization, splits and deterministic mini-batching
 * ({@link org.occam.data.Batches}) with seeded crop/flip augmentation ({@link org.occam.data.Augmentation});
 * readers for IDX, CSV, ARFF and the CIFAR binary format ({@link org.occam.data.CifarReader}); the real
 * data sets ({@link org.occam.data.Datasets}: 8x8 digits inside the jar, MNIST and Fashion-MNIST from the
 * sha256-pinned local cache filled by {@link org.occam.data.DataFetcher}, CIFAR-10/100 and CIFAR-FS from
 * the user's copy installed with {@code ./occam data fetch cifar10 --from DIR}, see
 * {@link org.occam.data.CifarCache}); and seeded synthetic sets ({@link org.occam.data.Synthetic},
 * {@link org.occam.data.TeacherMlp}).
 *
 * <pre>{@code
 * TrainTest digits = Datasets.digitsSplit();                   // 1438 / 359, fixed
 * Dataset train = Datasets.mnist(Split.TRAIN);                 // [60000, 784] float32 in [0, 1]
 * Normalization stats = train.normalization(Normalization.Mode.GLOBAL);
 * Dataset test = Datasets.mnist(Split.TEST).normalizedWith(stats);
 * Batches batches = train.normalizedWith(stats).batches(128, Rng.seed(0), Order.RESHUFFLE);
 * for (int epoch = 0; epoch < 10; epoch++) {
 *     for (Batch b : batches.epoch(epoch)) { ... b.x(), b.y(), b.oneHot(10) ... }
 * }
 * }</pre>
 */
package org.occam.data;
