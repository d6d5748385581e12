package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.data.Cifar;
import org.occam.data.DataCache;

/** {@code ./occam data fetch cifar10|cifar100} and CIFAR data specs end to end, with a test-written cache. */
class DataCommandTest {
    @TempDir
    Path dir;

    /** Runs the CLI with the data cache at {@code dir/cache}. */
    private CliRun.Result run(String... args) {
        return withCache(() -> CliRun.run(args));
    }

    private <T> T withCache(Supplier<T> body) {
        System.setProperty(DataCache.PROPERTY, dir.resolve("cache").toString());
        try {
            return body.get();
        } finally {
            System.clearProperty(DataCache.PROPERTY);
        }
    }

    private void assertNothingInstalled() {
        Path cache = dir.resolve("cache");
        assertFalse(Files.exists(cache.resolve("cifar10")), "no cifar10 folder in the cache");
        try (var s = Files.list(cache)) {
            assertEquals(0, s.count(), "no staging folder left");
        } catch (IOException e) {
            // the cache was never created: nothing written
        }
    }

    private static void assertOneLine(CliRun.Result r, String start) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("occam: " + start), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void fetchFromAFolderReportsCountsAndListsTheFiles() {
        Path from = CifarFolders.folder(dir.resolve("cifar-10-batches-bin"), Cifar.CIFAR10);
        CliRun.Result r = run("data", "fetch", "cifar10", "--from", from.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("cifar10: verified 6 files: 25 train and 5 test images\n"), r.err());
        assertEquals(6, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith(dir.resolve("cache/cifar10/data_batch_1.bin").toString()), r.out());

        CliRun.Result again = run("data", "fetch", "cifar10");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().startsWith("cifar10: already installed in "), again.err());
    }

    @Test
    void missingBatchTruncatedRecordAndBadLabelExitTwoWithOneLineAndWriteNothing() throws IOException {
        Path from = CifarFolders.folder(dir.resolve("cifar-10-batches-bin"), Cifar.CIFAR10);
        Files.delete(from.resolve("data_batch_4.bin"));
        assertOneLine(run("data", "fetch", "cifar10", "--from", from.toString()),
                "--from " + from.toAbsolutePath() + ": " + from.resolve("data_batch_4.bin").toAbsolutePath() + " is missing");
        assertNothingInstalled();

        CifarFolders.folder(from, Cifar.CIFAR10);
        byte[] b = Files.readAllBytes(from.resolve("data_batch_2.bin"));
        Files.write(from.resolve("data_batch_2.bin"), Arrays.copyOf(b, b.length - 3000));
        assertOneLine(run("data", "fetch", "cifar10", "--from", from.toString()), "CIFAR-10 file ");
        assertNothingInstalled();

        CifarFolders.folder(from, Cifar.CIFAR10);
        byte[] c = Files.readAllBytes(from.resolve("test_batch.bin"));
        c[2 * 3073] = 10;
        Files.write(from.resolve("test_batch.bin"), c);
        CliRun.Result r = run("data", "fetch", "cifar10", "--from", from.toString());
        assertOneLine(r, "CIFAR-10 file ");
        assertTrue(r.err().contains("test_batch.bin: record 2 has label 10, outside 0..9"), r.err());
        assertNothingInstalled();

        assertOneLine(run("data", "fetch", "cifar10"), "CIFAR-10 cannot be downloaded here");
    }

    @Test
    void trainingOnAMissingCacheSaysHowToFetchAndWritesNoRun() throws IOException {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, """
                model: cnn:3x32x32:4:10:relu
                data: {train: cifar10:train, layout: nchw, normalize: published, augment: {crop: 4, flip: true}}
                lr: 0.1
                train: {batch_size: 8, steps: 2}
                """);
        Path out = dir.resolve("run");
        CliRun.Result r = run("train", cfg.toString(), "--out", out.toString());
        assertOneLine(r, "");
        assertTrue(r.err().contains("cifar10 is not in the data cache: ") && r.err().endsWith("; to fix it, run: ./occam data"
                + " fetch cifar10 --from DIR (DIR: your cifar-10-batches-bin folder or cifar-10-binary.tar.gz)\n"), r.err());
        assertFalse(Files.exists(out), "no run folder");
    }

    @Test
    void cifar100CoarseAndCifarFsSpecsTrainAndMeasure() throws IOException {
        CifarFolders.folder(dir.resolve("cache/cifar100"), Cifar.CIFAR100);
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, """
                model: cnn:3x32x32:4:20:relu
                data: {train: cifar100-coarse:train, layout: nchw, normalize: per_channel, augment: {crop: 4, flip: true}}
                lr: 0.1
                train: {batch_size: 4, steps: 3, eval_every: 1}
                """);
        CliRun.Result r = run("train", cfg.toString(), "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("completed 3 steps"), r.out());
        String metrics = Files.readString(dir.resolve("run/metrics.jsonl"));
        assertTrue(metrics.contains("\"test_accuracy\""), "test: auto is cifar100-coarse:test");

        Files.writeString(cfg, """
                model: cnn:3x32x32:4:64:relu
                data: {train: cifar-fs:train, test_fraction: 0.5, layout: nchw, normalize: published}
                lr: 0.1
                train: {batch_size: 2, steps: 1}
                """);
        CliRun.Result fs = run("train", cfg.toString(), "--out", dir.resolve("fs").toString(), "--quiet");
        assertEquals(0, fs.code(), fs.err());
        assertTrue(fs.out().contains("test_accuracy"), "test: auto holds out half of the 64 training classes' images: "
                + fs.out());
        String log = Files.readString(dir.resolve("fs/run.log"));
        assertTrue(log.contains("data: train cifar-fs-train-train (2 samples), test cifar-fs-train-test (2 samples)\n"), log);
        assertTrue(Files.readString(dir.resolve("run/run.log")).contains(", training batches augmented: random crop"
                + " (padding 4), horizontal flip\n"), "the header names the augmentation");

        CliRun.Result m = run("measure", "--model", "cnn:3x32x32:4:64:relu", "--data", "cifar-fs:train", "--layout", "nchw",
                "--metrics", "loss", "--json");
        assertEquals(0, m.code(), m.err());
    }
}
