package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and docs/ cite the project's own method pages, and every relative link resolves. */
class DocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    private static List<Path> pages() throws Exception {
        List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void noReferenceLeavesTheRepository() throws Exception {
        for (Path p : pages()) {
            String text = Files.readString(p);
            assertFalse(text.contains("../shared") || text.contains("METHODS.md"), p + " points outside the repository");
        }
    }

    @Test
    void everyRelativeLinkResolvesAndTheIndexCoversEveryMethodSection() throws Exception {
        for (Path p : pages()) {
            Matcher m = LINK.matcher(Files.readString(p));
            while (m.find()) {
                String target = m.group(1);
                if (!target.contains("://")) {
                    assertTrue(Files.exists(p.getParent().resolve(target)), p + " links to missing " + target);
                }
            }
        }
        String index = Files.readString(ROOT.resolve("docs/README.md"));
        for (int section = 1; section <= 11; section++) {
            assertTrue(index.contains("| " + section + " | ["), "docs/README.md has no page for METHODS §" + section);
        }
    }
}
