package org.occam.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anchors and aliases are refused with their line; files and documents over 1 MiB are refused before parsing. */
class YamlLimitsTest {

    private static String refused(String yaml) {
        return assertThrows(ConfigException.class, () -> Yaml.parse(yaml, "c.yaml")).getMessage();
    }

    @Test
    void anchorsAndAliasesAreRefusedWithTheirLine() {
        assertEquals("c.yaml: line 3: YAML alias *s is not supported (anchors and aliases are refused); write the value out"
                + " in full, or quote it ('*s') if you meant the text", refused("model: mlp:2-2:tanh\nlr: 0.1\nname: *s\n"));
        assertEquals("c.yaml: line 2: YAML anchor &t is not supported (anchors and aliases are refused); write each value"
                + " out in full", refused("a: 1\ntrain: &t {steps: 3}\nb: *t\n"));
        assertEquals("c.yaml: line 1: YAML anchor &n is not supported (anchors and aliases are refused); write each value"
                + " out in full", refused("name: &n run\n"));
        assertTrue(refused("- &x [1]\n- *x\n").startsWith("c.yaml: line 1: YAML anchor &x"));
        assertEquals("*s", Yaml.parse("name: '*s'\n", "c.yaml").get("name").asText(), "a quoted star is text");
    }

    @Test
    void syntaxErrorsAreStillReportedByTheParser() {
        String m = refused("a: [1, 2\n");
        assertTrue(m.startsWith("c.yaml: not valid YAML: ") && m.contains("(line "), m);
    }

    @Test
    void filesOverOneMebibyteAreRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("big.yaml");
        Files.writeString(f, "name: x\n" + "#".repeat((int) Yaml.MAX_FILE_BYTES));
        assertEquals(f + ": is " + Files.size(f) + " bytes, over the 1048576-byte (1 MiB) limit for config files; a config"
                + " holds settings: put data in a data file (e.g. csv:PATH)",
                assertThrows(ConfigException.class, () -> Yaml.readFile(f, "config")).getMessage());
        Path exact = dir.resolve("exact.yaml");
        Files.writeString(exact, "name: x\n" + "#".repeat((int) Yaml.MAX_FILE_BYTES - 8));
        assertEquals(Yaml.MAX_FILE_BYTES, Yaml.readFile(exact, "config").length(), "exactly 1 MiB is read");
        assertTrue(refused("a: '" + "x".repeat((int) Yaml.MAX_FILE_BYTES) + "'").contains("over the 1048576-character"));
    }
}
