package org.occam.cli.library;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks what the README snippet printed: no compile error, a positive λ_max and GC. */
final class SnippetOutput {
    private static final Pattern OK = Pattern.compile("SNIPPET-OK (\\S+) (\\S+)");

    private SnippetOutput() {
    }

    static void check(String output) {
        assertFalse(output.contains("Error:") || output.contains("Exception"), output);
        Matcher m = OK.matcher(output);
        assertTrue(m.find(), "the snippet did not run to its end:\n" + output);
        double lambda = Double.parseDouble(m.group(1));
        double gc = Double.parseDouble(m.group(2));
        assertTrue(lambda > 0 && lambda < 1e3, "λ_max " + lambda);
        assertTrue(gc > 0 && gc < 1e3, "GC " + gc);
    }
}
