package org.occam.cli.reproduce.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reproduction's --out is made and checked first, and the folders made are removed if nothing was written. */
class OutputFolderTest {

    @Test
    void createsMissingFoldersAndRemovesThemWhenNothingWasWritten(@TempDir Path dir) {
        Path out = dir.resolve("a/b/c");
        OutputFolder f = OutputFolder.prepare(out, "--out");
        assertTrue(Files.isDirectory(out));
        assertEquals(dir.resolve("a").toAbsolutePath(), f.created());
        f.discardIfEmpty();
        assertFalse(Files.exists(dir.resolve("a")), "the folders made were removed");
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void keepsAFolderThatExistedOrHoldsAReport(@TempDir Path dir) throws IOException {
        OutputFolder existing = OutputFolder.prepare(dir, "--out");
        existing.discardIfEmpty();
        assertTrue(Files.isDirectory(dir));
        Path out = dir.resolve("new");
        OutputFolder f = OutputFolder.prepare(out, "--out");
        Files.writeString(out.resolve("report.html"), "x");
        f.discardIfEmpty();
        assertTrue(Files.exists(out.resolve("report.html")));
        assertEquals(1, Files.list(out).count(), "the write check left nothing behind");
    }

    @Test
    void aFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertEquals("--out " + file + ": is a file, not a folder; give a folder for the report",
                assertThrows(IllegalArgumentException.class, () -> OutputFolder.prepare(file, "--out")).getMessage());
        String m = assertThrows(IllegalArgumentException.class, () -> OutputFolder.prepare(file.resolve("sub"), "--out"))
                .getMessage();
        assertTrue(m.startsWith("--out " + file.resolve("sub") + ": cannot create the folder (") && m.endsWith(
                "); give a folder you can write"), m);
    }
}
