package org.occam.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local data cache: the directory named by the environment variable {@code OCCAM_DATA}, else
 * {@code ~/.cache/occam}, with one sub-folder per {@link CachedDataset}. Files are checked against
 * their sha256 pins before use; a missing or mismatching file fails with the command that fixes it.
 */
public final class DataCache {
    /** The environment variable naming the cache directory. */
    public static final String ENV = "OCCAM_DATA";

    private DataCache() {}

    /** A system property that overrides {@link #ENV} (lets in-process tests point at a generated cache). */
    public static final String PROPERTY = "occam.data";

    /**
     * The cache directory: the system property {@code occam.data}, else {@code $OCCAM_DATA}, else {@code ~/.cache/occam}.
     *
     * @return the cache root
     */
    public static Path defaultRoot() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "occam");
    }

    /**
     * The folder of a data set under a cache root.
     *
     * @param root the cache root
     * @param data the data set
     * @return its folder
     */
    public static Path folder(Path root, CachedDataset data) {
        return root.resolve(data.folder());
    }

    /**
     * The path of one pinned file of a data set, after checking that it exists and its sha256
     * matches; otherwise a {@link DataException} that names the file and the fix command.
     *
     * @param root the cache root
     * @param data the data set
     * @param file one of its pinned files
     * @return the file's path
     */
    public static Path verified(Path root, CachedDataset data, CachedDataset.PinnedFile file) {
        Path p = folder(root, data).resolve(file.name());
        if (!Files.isRegularFile(p)) {
            throw new DataException(data.id() + " is not in the data cache: " + p.toAbsolutePath() + " is missing"
                    + " (the cache is $" + ENV + ", else ~/.cache/occam)", data.fixCommand(), null);
        }
        String got = Hashing.sha256(p);
        if (!got.equals(file.sha256())) {
            throw new DataException(p.toAbsolutePath() + " is corrupt or not the pinned " + data.id() + " file: sha256 "
                    + got + ", expected " + file.sha256(), data.fixCommand(), null);
        }
        return p;
    }

    /**
     * True when every file of the data set is present and matches its pin.
     *
     * @param root the cache root
     * @param data the data set
     * @return whether all its files are installed and verified
     */
    public static boolean isInstalled(Path root, CachedDataset data) {
        try {
            for (CachedDataset.PinnedFile f : data.files()) {
                verified(root, data, f);
            }
            return true;
        } catch (DataException e) {
            return false;
        }
    }
}
