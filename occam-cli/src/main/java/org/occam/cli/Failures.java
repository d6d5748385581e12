package org.occam.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import org.occam.cli.report.ReportException;
import org.occam.cli.run.Runner;
import org.occam.data.DataException;
import org.occam.flow.ExpressionException;
import org.occam.io.MalformedFileException;

/**
 * The one error path of the CLI: any failure becomes exactly one line {@code occam: …} and an exit
 * code, 2 for bad input (a wrong option, config, data or weights file, a path that is missing, a
 * directory, or not writable) and 1 for a failure while running (a run that failed, disk full, a
 * solver that did not converge, a bug). The Java trace is printed only with {@code --debug}.
 */
final class Failures {
    private Failures() {
    }

    /** Exit code for bad input. */
    static final int BAD_INPUT = 2;
    /** Exit code for a failure while running. */
    static final int FAILED = 1;

    /** The line to print (without the {@code occam: } prefix) and the exit code. */
    record Report(int code, String message) {
        /** The whole line, on one line whatever the message held. */
        String line() {
            return "occam: " + oneLine(message);
        }
    }

    /** How {@code t} is reported. */
    static Report of(Throwable t) {
        return switch (t) {
            case CommandFailure e -> new Report(FAILED, e.getMessage());
            case Runner.RunFailed e -> new Report(FAILED, e.getMessage());
            case NumberFormatException e -> new Report(BAD_INPUT, "not a number: " + e.getMessage());
            case ExpressionException e -> new Report(BAD_INPUT, e.oneLine());
            case IllegalArgumentException e -> new Report(BAD_INPUT, e.getMessage());
            case UnsupportedOperationException e -> new Report(BAD_INPUT, e.getMessage());
            case DataException e -> new Report(BAD_INPUT, e.getMessage());
            case ReportException e -> new Report(BAD_INPUT, e.getMessage());
            case UncheckedIOException e -> io(e.getCause());
            case IOException e -> io(e);
            case ArithmeticException e -> new Report(FAILED, e.getMessage());
            case OutOfMemoryError e -> new Report(FAILED, "out of memory (" + e.getMessage() + "); give the JVM more heap,"
                    + " e.g. OCCAM_HEAP=8g ./occam …, or use less data");
            case StackOverflowError e -> new Report(FAILED, "stack overflow (a model or input nested too deeply?); rerun"
                    + " with --debug for the Java trace");
            default -> new Report(FAILED, "internal error: " + t + "; rerun with --debug for the Java trace and report it");
        };
    }

    /** An I/O failure: bad input when the path is missing, a directory, or not permitted; else a failure while running. */
    static Report io(IOException e) {
        return switch (e) {
            case MalformedFileException m -> new Report(BAD_INPUT, m.getMessage());
            case NoSuchFileException f -> new Report(BAD_INPUT, path(f) + ": no such file or directory; check the path");
            case AccessDeniedException f -> new Report(BAD_INPUT, path(f) + ": permission denied; give a path you can"
                    + " read (and write, for an output)");
            case NotDirectoryException f -> new Report(BAD_INPUT, path(f) + ": not a directory");
            case FileAlreadyExistsException f -> new Report(BAD_INPUT, path(f) + ": already exists and is in the way"
                    + (f.getReason() == null ? "" : " (" + f.getReason() + ")"));
            case DirectoryNotEmptyException f -> new Report(BAD_INPUT, path(f) + ": directory not empty");
            case FileSystemException f when isDirectoryReason(f) -> new Report(BAD_INPUT, path(f)
                    + ": is a directory; give a file");
            case FileSystemException f when f.getReason() != null && f.getReason().toLowerCase(Locale.ROOT)
                    .contains("read-only") -> new Report(BAD_INPUT, path(f) + ": read-only file system; give a writable path");
            default -> new Report(FAILED, "I/O failure: " + e.getMessage() + " (disk full, or the file changed while"
                    + " being read?)");
        };
    }

    private static boolean isDirectoryReason(FileSystemException f) {
        return f.getReason() != null && f.getReason().toLowerCase(Locale.ROOT).contains("is a directory");
    }

    private static String path(FileSystemException f) {
        return f.getOtherFile() == null ? String.valueOf(f.getFile()) : f.getFile() + " -> " + f.getOtherFile();
    }

    /** Newlines and runs of white space after them become one space, so a message is one line. */
    static String oneLine(String message) {
        String m = message == null || message.isBlank() ? "failed (no message)" : message.strip();
        return m.replaceAll("\\s*\\R\\s*", " ");
    }
}
