package org.occam.cli.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Java example, piped as written into jshell started the way {@code ./occam shell}
 * starts it (class path, the Vector API flag, the preloaded imports of occam.jsh).
 */
class JshellSnippetTest {

    @Test
    void readmeSnippetRunsInJshell() throws Exception {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        assumeTrue(Files.isExecutable(jshell), "skipped: no jshell in " + jshell.getParent() + " (a JRE, not a JDK)");
        Path root = Path.of("..").toAbsolutePath().normalize();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String input = ReadmeSnippet.read(root.resolve("README.md")).asJshellInput();
        Path work = Files.createDirectories(Path.of("target", "jshell-snippet"));
        Processes.Result r = Processes.run(work, input, 300, List.of(jshell.toString(),
                "--class-path", classPath, "--add-modules", "jdk.incubator.vector",
                "-R--add-modules=jdk.incubator.vector", "-R-Xss8m",
                "--startup", "DEFAULT", "--startup", root.resolve("occam-cli/src/main/jshell/occam.jsh").toString(), "-"));
        assertEquals(0, r.code(), r.output());
        SnippetOutput.check(r.output());
    }
}
