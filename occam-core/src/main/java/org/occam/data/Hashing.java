package org.occam.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests (sha256, md5) of files, for verifying downloaded data against pins. */
public final class Hashing {
    private Hashing() {}

    /**
     * The lowercase hex sha256 of a file's bytes.
     *
     * @param file a file on disk
     * @return the digest, lowercase hex
     */
    public static String sha256(Path file) {
        return digest(file, "SHA-256");
    }

    /**
     * The lowercase hex md5 of a file's bytes.
     *
     * @param file a file on disk
     * @return the digest, lowercase hex
     */
    public static String md5(Path file) {
        return digest(file, "MD5");
    }

    /**
     * The lowercase hex sha256 of bytes in memory (e.g. a class-path resource).
     *
     * @param bytes the bytes to hash
     * @return the digest, lowercase hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String digest(Path file, String algorithm) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file.toAbsolutePath() + " to compute its " + algorithm + ": "
                    + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
