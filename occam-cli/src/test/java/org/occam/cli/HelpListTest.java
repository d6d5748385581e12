package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code occam --help} lists every command with a whole first sentence, not its first description line. */
class HelpListTest {

    @Test
    void commandDescriptionsAreWholeSentences() {
        // Before: picocli's list shows description[0], which for sweep stops at "grid and/or".
        String firstLine = new CommandLine(new SweepCommand()).getCommandSpec().usageMessage().description()[0];
        assertFalse(firstLine.strip().endsWith("."), firstLine);

        CliRun.Result r = CliRun.run("--help");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("picocli WARN") || r.err().contains("picocli WARN"), r.err());
        List<String> entries = entries(r.out());
        assertTrue(entries.size() >= 10, r.out());
        for (String e : entries) {
            assertTrue(e.endsWith(".") || e.startsWith("help "), "cut mid-sentence: " + e);
        }
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("sweep ") && e.contains("random axes and seeds")), r.out());
    }

    /** The entries of the Commands section, each joined into one line. */
    private static List<String> entries(String help) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : help.split("\n")) {
            if (l.startsWith("Commands:")) {
                in = true;
            } else if (in && l.startsWith("  ") && !l.startsWith("    ")) {
                out.add(l.strip().replaceAll("\\s+", " "));
            } else if (in && l.startsWith("    ")) {
                out.set(out.size() - 1, out.getLast() + " " + l.strip());
            } else if (in) {
                in = false;
            }
        }
        return out;
    }
}
