package org.occam.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        assertTrue(r.text().contains("DD-4, setting faithful (quick) (METHODS §11)") && r.text().contains("spectral-norm D"),
                r.text());
        for (String claim : List.of("DD-4 cancel: W2", "DD-4 cancel: modes hit", "DD-4 cancel: stability",
                "DD-4 alternating: stability", "observed ranking by mean W2")) {
            assertTrue(r.text().contains(claim), "missing claim '" + claim + "' in:\n" + r.text());
        }
        for (String column : List.of("W2 perfect gen", "modes covered", "modes hit", "high quality", "KL(q||p)", "KL(p||q)")) {
            assertTrue(r.text().contains(column), column);
        }
        assertTrue(r.text().contains("SUPPORTED") || r.text().contains("INCONCLUSIVE") || r.text().contains("CONTRADICTED"),
                r.text());
        List<Dd4Scheme> schemes = Dd4.Settings.faithful().schemes();
        for (Dd4Scheme s : schemes) {
            assertTrue(r.text().contains(s.title()), s.title());
            assertTrue(Files.size(out.resolve("samples_" + s.key() + ".png")) > 0, s.key());
        }
        for (String f : List.of("report.html", "results.csv", "summary.txt", "grad_norm_d.png", "grad_norm_g.png")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(1 + 2 * schemes.size(), csv.size(), "a header and one row per scheme and seed");
        assertTrue(csv.getFirst().contains(",w2,w2_perfect_generator,mode_kl_q_p,mode_kl_p_q,"), csv.getFirst());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("DD-4") && html.contains("<img") && html.contains("W₂ perfect generator"),
                "the page embeds the charts and the W2 column");
    }

    @Test
    void jsonCarriesTheW2ClaimAndPerSeedScores(@TempDir Path dir) throws Exception {
        Out r = cli("reproduce", "dd-4", "--quick", "--steps", "20", "--schemes", "sim,cancel", "--rates", "1,2", "--json",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.text());
        JsonNode j = new ObjectMapper().readTree(r.text());
        assertEquals("faithful (quick)", j.get("setting").get("name").asText());
        assertTrue(j.get("setting").get("spectralNorm").asBoolean());
        List<String> ids = new ArrayList<>();
        j.get("claims").forEach(c -> ids.add(c.get("id").asText()));
        assertTrue(ids.contains("DD-4 cancel: W2 (rates x1)") && ids.contains("DD-4 cancel: W2 (rates x2)"), ids.toString());
        JsonNode runs = j.get("results").get("runs");
        assertEquals(2 * 2 * 2, runs.size(), "schemes x rates x seeds");
        JsonNode first = runs.get(0);
        for (String f : List.of("w2", "w2_perfect_generator", "modes_covered", "modes_hit", "high_quality", "mode_kl_q_p",
                "mode_kl_p_q", "grad_fluctuation")) {
            assertTrue(first.has(f), f + " in " + first);
        }
        assertTrue(first.get("w2").asDouble() > 0 && first.get("w2_perfect_generator").asDouble() > 0, first.toString());
        assertEquals(0.02, runs.get(7).get("lr_d").asDouble(), 1e-15, "lr_D 0.01 times 2");
    }

    @Test
    void optionsOfOtherReproductionsAreRejectedAndViceVersa(@TempDir Path dir) {
        assertEquals(2, cli("reproduce", "dd-4", "--powers", "1", "--out", dir.toString()).code());
        assertEquals(2, cli("reproduce", "eos", "--seeds", "2", "--out", dir.toString()).code(), "2 seeds need --quick");
        assertEquals(2, cli("reproduce", "dd-4", "--schemes", "sim,nope", "--out", dir.toString()).code());
        assertEquals(2, cli("reproduce", "dd-4", "--lrs", "0.1,0.2,0.3", "--out", dir.toString()).code());
        assertEquals(2, cli("reproduce", "dd-4", "--setting", "paper", "--out", dir.toString()).code());
        assertEquals(2, cli("reproduce", "dd-4", "--rates", "1,0", "--out", dir.toString()).code());
    }
}
