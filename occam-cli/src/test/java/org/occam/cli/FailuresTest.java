package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.config.ConfigException;
import org.occam.data.DataException;
import org.occam.io.MalformedFileException;

/** The one error path: each kind of failure maps to its exit code and one line; the trace only with --debug. */
class FailuresTest {

    private static void assertReport(int code, String line, Throwable t) {
        Failures.Report r = Failures.of(t);
        assertEquals(code, r.code(), line);
        assertEquals(line, r.line());
    }

    @Test
    void badInputIsExitTwoAndAFailureWhileRunningIsExitOne() {
        assertReport(2, "occam: x.yaml: train.steps: must be a non-negative integer", new ConfigException(
                "x.yaml: train.steps: must be a non-negative integer"));
        assertReport(2, "occam: CSV f.csv:2: bad", new DataException("CSV f.csv:2: bad"));
        assertReport(2, "occam: invalid safetensors file w: empty", new MalformedFileException("invalid safetensors file w: empty"));
        assertReport(2, "occam: /a/b: no such file or directory; check the path", new NoSuchFileException("/a/b"));
        assertReport(2, "occam: /a/b: no such file or directory; check the path",
                new UncheckedIOException(new NoSuchFileException("/a/b")));
        assertReport(2, "occam: /a: permission denied; give a path you can read (and write, for an output)",
                new AccessDeniedException("/a"));
        assertReport(2, "occam: /d: is a directory; give a file", new FileSystemException("/d", null, "Is a directory"));
        assertReport(2, "occam: not a number: For input string: \"x\"", new NumberFormatException("For input string: \"x\""));
        assertReport(1, "occam: I/O failure: No space left on device (disk full, or the file changed while being read?)",
                new UncheckedIOException(new IOException("No space left on device")));
        assertReport(1, "occam: measure failed", new CommandFailure("measure failed"));
        assertReport(1, "occam: out of memory (Java heap space); give the JVM more heap, e.g. OCCAM_HEAP=8g ./occam …, or"
                + " use less data", new OutOfMemoryError("Java heap space"));
        assertReport(1, "occam: internal error: java.lang.NullPointerException: boom; rerun with --debug for the Java trace"
                + " and report it", new NullPointerException("boom"));
    }

    @Test
    void aMessageOfSeveralLinesIsPrintedOnOne() {
        assertReport(2, "occam: bad YAML in 'reader', line 2: name: *s ^", new ConfigException("bad YAML\n in 'reader', line 2:\n"
                + "    name: *s\n    ^\n"));
        assertEquals("occam: failed (no message)", Failures.of(new IllegalArgumentException()).line());
    }

    @Test
    void theTraceComesOnlyWithDebug(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        CliRun.Result plain = CliRun.run("train", missing.toString());
        assertEquals(2, plain.code());
        assertEquals("occam: " + missing + ": no such config file\n", plain.err().replace("\r\n", "\n"));
        CliRun.Result debug = CliRun.run("train", missing.toString(), "--debug");
        assertEquals(2, debug.code());
        assertTrue(debug.err().startsWith("occam: " + missing + ": no such config file"), debug.err());
        assertTrue(debug.err().contains("ConfigException") && debug.err().contains("\tat org.occam.cli.config.Configs"),
                debug.err());
        CliRun.Result global = CliRun.run("--debug", "train", missing.toString());
        assertTrue(global.err().contains("\tat org.occam."), global.err());
    }

    @Test
    void optionErrorsAreOneLineWithTheHelpToRead() {
        CliRun.Result r = CliRun.run("measure", "--model", "mlp:2-2:tanh", "--data", "digits", "--sed", "1");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("occam: Unknown options: '--sed', '1'; did you mean --seed?") && r.err().contains("did you mean --seed")
                && r.err().strip().endsWith("(see: occam measure --help)"), r.err());
    }
}
