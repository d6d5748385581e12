package org.occam.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.Main;
import org.occam.lab.dd4.Dd4;
import org.occam.lab.dd4.Dd4Scheme;

/** {@code occam reproduce dd-4}: the command at a tiny size and its option checks. */
class Dd4CommandTest {
    private record Out(int code, String text) {
    }

    private static Out cli(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return new Out(Main.run(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void tinyRunWritesTheReportAndPrintsTheClaims(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("dd4");
        Out r = cli("reproduce", "dd-4", "--steps", "30", "--quick", "--every", "10", "--out", out.toString());
        assertEquals(0, r.code(), r.text());
        for (String claim : List.of("DD-4 cancel: modes hit", "DD-4 cancel: stability", "DD-4 alternating: stability",
                "observed ranking")) {
            assertTrue(r.text().contains(claim), "missing claim '" + claim + "' in:\n" + r.text());
        }
        assertTrue(r.text().contains("SUPPORTED") || r.text().contains("INCONCLUSIVE") || r.text().contains("CONTRADICTED"),
                r.text());
        for (Dd4Scheme s : Dd4.Settings.DEFAULT_SCHEMES) {
            assertTrue(r.text().contains(s.title()), s.title());
            assertTrue(Files.size(out.resolve("samples_" + s.key() + ".png")) > 0, s.key());
        }
        for (String f : List.of("report.html", "results.csv", "summary.txt", "grad_norm_d.png", "grad_norm_g.png")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(1 + 2 * Dd4.Settings.DEFAULT_SCHEMES.size(), csv.size(), "a header and one row per scheme and seed");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("DD-4") && html.contains("<img"), "the page embeds the charts");
    }

    @Test
    void optionsOfOtherReproductionsAreRejectedAndViceVersa(@TempDir Path dir) {
        assertEquals(2, cli("reproduce", "dd-4", "--powers", "1", "--out", dir.toString()).code());
        assertEquals(2, cli("reproduce", "eos", "--seeds", "2", "--out", dir.toString()).code(), "2 seeds need --quick");
        assertEquals(2, cli("reproduce", "dd-4", "--schemes", "sim,nope", "--out", dir.toString()).code());
        assertEquals(2, cli("reproduce", "dd-4", "--lrs", "0.1,0.2,0.3", "--out", dir.toString()).code());
    }
}
