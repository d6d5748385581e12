package org.occam.cli.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code run.log}: time-stamped lines, appended and flushed one by one (a resumed run adds to it). */
public final class RunLog implements AutoCloseable {
    private final Writer out;

    private RunLog(Writer out) {
        this.out = out;
    }

    /** Opens the log for appending. */
    public static RunLog append(Path file) {
        return new RunLog(appender(file));
    }

    /** A UTF-8 writer appending to {@code file} (created if missing); the run store's append-only files use it. */
    static BufferedWriter appender(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** One line, prefixed with the UTC time. */
    public synchronized void line(String text) {
        try {
            out.write(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + text + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run log: " + e.getMessage(), e);
        }
    }

    /** A failure with its stack trace. */
    public void error(String text, Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        line(text + "\n" + sw.toString().stripTrailing());
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
