package org.occam.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Test helper (shared with occam-cli's tests): every learning rate or strength printed for a human
 * follows {@link Rates}: "h = 0.05" / "μ = 0.005", one space either side of "=", the value as
 * {@link Rates#num} writes it; "h=0.1", "lr 0.1", "mu=0.01", "h = 0.1000" and "h = 1.000e-01" are not.
 */
public final class RateChecks {
    /** A rate name (h, h_max, h_base, μ; not 2/h or h_t) with "=" and whatever follows. */
    private static final Pattern LABEL = Pattern.compile("(?<![\\w/·.])(h(?:_max|_base|_min)?|μ)(\\s*)=(\\s*)(" + Rates.NUMBER + ")?");
    /** The spellings the reports used before {@link Rates}: lr, mu, eta or eps followed by a number. */
    private static final Pattern OLD = Pattern.compile("(?<![\\w.])(lr|mu|eta|eps)(\\s*=\\s*|[ \\t]+)-?\\d");

    private RateChecks() {
    }

    /** The rate labels in {@code text} that do not follow {@link Rates}, each with a little context. */
    public static List<String> violations(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            String value = m.group(4);
            if (value == null) {
                continue; // "h = E/(...)", "h = {...}": a formula, not a value
            }
            boolean spaced = m.group(2).equals(" ") && m.group(3).equals(" ");
            if (!spaced || !Rates.num(Double.parseDouble(value)).equals(value)) {
                out.add(context(text, m.start(), m.end()));
            }
        }
        Matcher old = OLD.matcher(text);
        while (old.find()) {
            out.add(context(text, old.start(), old.end()));
        }
        return out;
    }

    /** Fails with the offending labels when {@code text} (from {@code where}) has any. */
    public static void assertConsistent(String text, String where) {
        assertEquals(List.of(), violations(text), where + ": rate labels must read like " + Rates.h(0.05));
    }

    /** {@link #assertConsistent} for every .html, .txt, .csv and .json file under {@code dir}; returns how many it read. */
    public static int assertConsistentFiles(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().matches(".*\\.(html|txt|csv|json)$")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f).replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "");
            assertConsistent(text, f.toString());
        }
        return files.size();
    }

    private static String context(String text, int from, int to) {
        return "…" + text.substring(Math.max(0, from - 20), Math.min(text.length(), to + 10)).replace('\n', ' ') + "…";
    }
}
