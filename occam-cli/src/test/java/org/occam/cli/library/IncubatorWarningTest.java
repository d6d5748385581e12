package org.occam.cli.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM's "Using incubator modules" line on every command, and the launcher's filter that drops it. */
class IncubatorWarningTest {
    private static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    @Test
    void launcherDropsTheIncubatorLineAndKeepsTheRestOfStderr() throws Exception {
        assumeTrue(Processes.onPath("bash").isPresent(), "skipped: no bash");
        Path root = Path.of("..").toAbsolutePath().normalize();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path work = Files.createDirectories(Path.of("target", "incubator-warning"));
        // Before: the plain JVM prints the line (java -version also writes its banner to stderr).
        Processes.Result plain = Processes.run(work, "", 60, List.of(java, "--add-modules", "jdk.incubator.vector", "-version"));
        assertTrue(plain.output().contains(WARNING), plain.output());
        // After: the launcher's own function (taken from ./occam) in front of the same command.
        String script = "eval \"$(sed -n '/^drop_incubator_warning()/p' '" + root.resolve("occam") + "')\"\n"
                + "drop_incubator_warning\nfilter=$!\n\"" + java + "\" --add-modules jdk.incubator.vector -version\n"
                + "exec 2>&-\nwait $filter\n";
        Processes.Result filtered = Processes.run(work, "", 60, List.of("bash", "-c", script));
        assertEquals(0, filtered.code(), filtered.output());
        assertFalse(filtered.output().contains("incubator"), filtered.output());
        assertTrue(filtered.output().contains("version \"" + Runtime.version().feature()), filtered.output());
    }
}
