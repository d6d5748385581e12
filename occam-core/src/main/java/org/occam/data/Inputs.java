package org.occam.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Opening files and resources, transparently gunzipping those that start with the gzip magic. */
final class Inputs {
    private Inputs() {}

    /** Opens a file (gunzipped when it is gzip data), failing with a message naming the path. */
    static InputStream open(Path file) {
        if (!Files.exists(file)) {
            throw new DataException("no such file: " + file.toAbsolutePath() + "; check the path");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file.toAbsolutePath() + " is a directory; give the data file inside it");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DataException("not a readable regular file: " + file.toAbsolutePath());
        }
        try {
            return maybeGunzip(Files.newInputStream(file));
        } catch (IOException e) {
            throw new DataException("cannot open " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Opens a class-path resource next to this class (gunzipped when it is gzip data). */
    static InputStream resource(String name) {
        InputStream in = Inputs.class.getResourceAsStream(name);
        if (in == null) {
            throw new DataException("resource org/occam/data/" + name + " is missing from the class path (broken jar?)");
        }
        try {
            return maybeGunzip(in);
        } catch (IOException e) {
            throw new DataException("cannot read resource org/occam/data/" + name + ": " + e.getMessage(), e);
        }
    }

    /** Wraps the stream in a gunzipper when its first two bytes are the gzip magic 1f 8b. */
    static InputStream maybeGunzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    /** All lines of a UTF-8 text stream, gunzipped if needed (closed afterwards); {@code source} names it in errors. */
    static List<String> lines(InputStream in, String source) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(maybeGunzip(in), StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new DataException("cannot read " + source + ": " + e.getMessage()
                    + " (truncated or corrupt gzip data?)", e);
        } catch (UncheckedIOException e) {
            throw new DataException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** The file name without directories and without .gz / .csv / .arff endings. */
    static String baseName(String source) {
        String s = source.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        for (String ext : new String[] {".gz", ".csv", ".arff", ".txt"}) {
            if (s.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
                s = s.substring(0, s.length() - ext.length());
            }
        }
        return s;
    }
}
