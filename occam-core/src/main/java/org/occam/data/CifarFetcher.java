package org.occam.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Installs CIFAR-10 / CIFAR-100 from the user's copy of the official binary version (the library
 * side of {@code ./occam data fetch cifar10|cifar100 --from DIR}); no registry reachable here ships
 * CIFAR, so there is no download. {@code from} is the extracted folder (or a folder above it) or the
 * official archive, whose md5 must equal the one published on the CIFAR page. A folder's files are
 * parsed in place first (so bad input fails before any progress line); the record files are then
 * staged in a temporary folder inside the cache, parsed again in full (sizes, label ranges), counted, and
 * only then moved into {@code <cache>/<id>/} with atomic renames, with a {@code SHA256SUMS} of them.
 */
final class CifarFetcher {
    private final Path cacheRoot;
    private final Consumer<String> progress;

    CifarFetcher(Path cacheRoot, Consumer<String> progress) {
        this.cacheRoot = cacheRoot;
        this.progress = progress;
    }

    /** Installs {@code data} from {@code from} (a folder or the archive); null says how to get it. */
    List<Path> fetch(Cifar data, Path from) {
        if (from == null) {
            if (CifarCache.isInstalled(cacheRoot, data)) {
                progress.accept(data.id() + ": already installed in " + CifarCache.folder(cacheRoot, data).toAbsolutePath());
                return installedFiles(data);
            }
            throw new DataException(data.title() + " cannot be downloaded here (no reachable registry ships it): get "
                    + data.archive() + " from https://www.cs.toronto.edu/~kriz/cifar.html, then run ./occam data fetch "
                    + data.id() + " --from PATH (the archive, or its extracted " + data.archiveFolder() + " folder)");
        }
        if (!Files.exists(from)) {
            throw new DataException("--from " + from.toAbsolutePath() + ": no such file or folder");
        }
        if (Files.isRegularFile(from)) {
            return fetch(data, from, data.archiveMd5());
        }
        Path dir = recordFolder(data, from);
        for (String f : data.allFiles()) { // bad input fails here, before any progress line
            CifarReader.read(data, dir, List.of(f));
        }
        return stageAndInstall(data, staging -> {
            progress.accept(data.id() + ": taking files from " + dir.toAbsolutePath());
            for (String f : data.allFiles()) {
                progress.accept("  copying " + dir.resolve(f));
                copy(dir.resolve(f), staging.resolve(f));
            }
        });
    }

    /** Installs from an archive whose md5 must be {@code md5} (the published one; tests pass their own). */
    List<Path> fetch(Cifar data, Path archive, String md5) {
        String n = archive.getFileName().toString();
        if (!(n.endsWith(".tar.gz") || n.endsWith(".tgz"))) {
            throw new DataException("--from " + archive.toAbsolutePath() + ": expected the folder " + data.archiveFolder()
                    + " or the archive " + data.archive());
        }
        String got = Hashing.md5(archive);
        if (!got.equals(md5)) {
            throw new DataException(archive.toAbsolutePath() + " has md5 " + got + ", but the official " + data.archive()
                    + " has md5 " + md5 + " (published on https://www.cs.toronto.edu/~kriz/cifar.html): a corrupt or"
                    + " different file; download it again, or pass the extracted " + data.archiveFolder() + " folder");
        }
        progress.accept("verified md5 of " + n);
        return stageAndInstall(data, staging -> unpack(data, archive, staging));
    }

    /** Extracts {@code <archiveFolder>/<record file>} entries of the archive into {@code staging}. */
    private void unpack(Cifar data, Path archive, Path staging) {
        Set<String> wanted = new HashSet<>(data.allFiles());
        Set<String> found = new HashSet<>();
        try (InputStream in = Files.newInputStream(archive)) {
            TarReader.forEach(in, archive.toString(), (path, size, content) -> {
                String p = path.startsWith("./") ? path.substring(2) : path;
                String prefix = data.archiveFolder() + "/";
                if (p.startsWith(prefix) && wanted.contains(p.substring(prefix.length()))) {
                    String file = p.substring(prefix.length());
                    Files.copy(content, staging.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    found.add(file);
                    progress.accept("  " + file + " (" + size + " bytes)");
                }
            });
        } catch (IOException e) {
            throw new DataException("cannot read " + archive.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        List<String> missing = data.allFiles().stream().filter(f -> !found.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw new DataException(archive.toAbsolutePath() + " lacks " + data.archiveFolder() + "/" + missing.getFirst()
                    + (missing.size() > 1 ? " and " + (missing.size() - 1) + " more" : "") + "; it is not the official "
                    + data.archive());
        }
    }

    /** The folder holding the record files: {@code from} or a folder below it; every file must be there. */
    private static Path recordFolder(Cifar data, Path from) {
        String first = data.allFiles().getFirst();
        Path dir = findFile(from, first).map(Path::getParent).orElse(from.resolve(data.archiveFolder()));
        for (String f : data.allFiles()) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new DataException("--from " + from.toAbsolutePath() + ": " + dir.resolve(f).toAbsolutePath()
                        + " is missing (" + data.title() + " needs " + String.join(", ", data.allFiles())
                        + " in one folder, as in " + data.archive() + "); copy it there, or pass the archive");
            }
        }
        return dir;
    }

    /** A staging folder, filled by {@code fill}, then verified and installed; removed in every case. */
    private List<Path> stageAndInstall(Cifar data, Consumer<Path> fill) {
        Path staging;
        try {
            Files.createDirectories(cacheRoot);
            staging = Files.createTempDirectory(cacheRoot, ".fetch-" + data.id() + "-");
        } catch (IOException e) {
            throw new DataException("cannot create the data cache " + cacheRoot.toAbsolutePath() + ": " + e.getMessage()
                    + " (set " + DataCache.ENV + " to a writable folder)", e);
        }
        try {
            fill.accept(staging);
            verify(data, staging);
            return install(data, staging);
        } finally {
            DataFetcher.deleteTree(staging);
        }
    }

    /** Parses every staged file (sizes and labels) and reports the counts next to the official ones. */
    private void verify(Cifar data, Path staging) {
        int[] counts = new int[2];
        for (Split split : Split.values()) {
            for (String f : data.files(split)) {
                CifarReader.Records r = CifarReader.read(data, staging, List.of(f));
                counts[split.ordinal()] += r.count();
                if (r.count() != data.officialRecords(split)) {
                    progress.accept("  note: " + f + " holds " + r.count() + " records; the official file holds "
                            + data.officialRecords(split));
                }
            }
        }
        progress.accept(data.id() + ": verified " + data.allFiles().size() + " files: " + counts[0] + " train and "
                + counts[1] + " test images");
    }

    private List<Path> install(Cifar data, Path staging) {
        StringBuilder sums = new StringBuilder();
        for (String f : data.allFiles()) {
            sums.append(Hashing.sha256(staging.resolve(f))).append("  ").append(f).append('\n');
        }
        try {
            Files.writeString(staging.resolve(CifarCache.SUMS), sums.toString());
        } catch (IOException e) {
            throw new DataException("cannot write " + staging.resolve(CifarCache.SUMS) + ": " + e.getMessage(), e);
        }
        Path folder = CifarCache.folder(cacheRoot, data);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DataException("cannot create " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        List<Path> out = new ArrayList<>();
        for (String f : data.allFiles()) {
            DataFetcher.move(staging.resolve(f), folder.resolve(f));
            out.add(folder.resolve(f));
        }
        DataFetcher.move(staging.resolve(CifarCache.SUMS), folder.resolve(CifarCache.SUMS));
        progress.accept(data.id() + ": installed " + out.size() + " files in " + folder.toAbsolutePath());
        return out;
    }

    private List<Path> installedFiles(Cifar data) {
        return data.allFiles().stream().map(f -> CifarCache.folder(cacheRoot, data).resolve(f)).toList();
    }

    private static void copy(Path src, Path dest) {
        try {
            Files.copy(src, dest, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DataException("cannot copy " + src.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> findFile(Path dir, String name) {
        try (Stream<Path> s = Files.walk(dir, 3)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().equals(name)).sorted().findFirst();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException("cannot search " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
