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
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.occam.cli.Main;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.ClaimTable;

/**
 * Every reproduction's {@code --quick} run (tiny settings, seconds): the claims table has every
 * field (claim, effect, 95 % interval, n, resolution, verdict, statistic with the interval method,
 * the claim in words) and the quick warning, and {@code --json} gives the same claims.
 */
class ReproduceQuickTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<List<String>> reproductions() {
        return Stream.of(List.of("reproduce", "eos"), List.of("reproduce", "dal"), List.of("reproduce", "clr"),
                List.of("reproduce", "dd-4"), List.of("reproduce", "hom-1"), List.of("reproduce", "mgc-1"),
                List.of("reproduce", "nc-1"), List.of("reproduce", "mt-1"), List.of("ood", "toy"), List.of("reproduce", "mm-1"));
    }

    @ParameterizedTest
    @MethodSource("reproductions")
    void quickPrintsTheTableAndTheSameClaimsAsJson(List<String> command, @TempDir Path dir) throws Exception {
        Out table = run(command, dir.resolve("table"), "--quick");
        assertEquals(0, table.code(), table.err() + table.out());
        Out json = run(command, dir.resolve("json"), "--quick", "--json");
        assertEquals(0, json.code(), json.err());
        JsonNode root = JSON.readTree(json.out());
        assertTrue(root.get("quick").asBoolean());
        assertEquals(ClaimTable.QUICK_WARNING, root.get("warning").asText());
        assertEquals(2, root.get("seeds").size(), "--quick runs 2 seeds");
        assertTrue(root.get("setting").size() > 0, "the setting is in the JSON");
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.contains(ClaimTable.QUICK_WARNING), "the quick warning is printed");
        int header = lines.indexOf(ClaimTable.lines(List.of(), false).getFirst());
        assertTrue(header >= 0, "the table header: " + table.out());
        JsonNode claims = root.get("claims");
        assertTrue(claims.size() >= 1);
        int rows = 0;
        for (int k = header + 1; k < lines.size() && !lines.get(k).isBlank(); k += 3) {
            rows++;
        }
        assertEquals(claims.size(), rows, "one table row (and its statistic and claim lines) per JSON claim");
        for (int i = 0; i < claims.size(); i++) {
            JsonNode c = claims.get(i);
            for (String field : List.of("id", "claim", "statistic", "direction", "effect", "ci_low", "ci_high", "ci_method",
                    "n", "resolution", "verdict", "per_seed")) {
                assertTrue(c.has(field), field + " in " + c);
            }
            String row = lines.get(header + 1 + 3 * i);
            assertTrue(row.startsWith(c.get("id").asText()), row + " vs " + c);
            assertTrue(row.contains(num(c.get("effect"))), "effect " + c.get("effect") + " in " + row);
            String interval = c.get("ci_low").isNull() ? "n/a" : "[" + num(c.get("ci_low")) + ", " + num(c.get("ci_high")) + "]";
            assertTrue(row.contains(interval), interval + " in " + row);
            assertTrue(row.contains(" " + c.get("n").asInt() + " "), "n in " + row);
            assertTrue(row.contains(ClaimResult.num(c.get("resolution").asDouble())), "resolution in " + row);
            assertTrue(row.endsWith(c.get("verdict").asText().toUpperCase(Locale.ROOT)), "verdict in " + row);
            assertEquals(2, c.get("n").asInt());
            assertEquals("    statistic: " + c.get("statistic").asText() + "; interval: " + c.get("ci_method").asText()
                    + (c.get("direction").asText().equals("within") ? "; supported when within ±"
                    + ClaimResult.num(c.get("tolerance").asDouble()) : ""), lines.get(header + 2 + 3 * i));
            assertEquals("    claim: " + c.get("claim").asText(), lines.get(header + 3 + 3 * i));
        }
        assertTrue(Files.exists(dir.resolve("table").resolve("report.html")));
        String page = Files.readString(dir.resolve("table").resolve("report.html"));
        assertTrue(page.contains("Claims over seeds") && page.contains(ClaimTable.QUICK_WARNING), "the report's claims table");
    }

    @Test
    void fewerThanFiveSeedsNeedQuick(@TempDir Path dir) {
        Out r = run(List.of("reproduce", "hom-1"), dir, "--seeds", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--seeds: a run without --quick needs at least 5 seeds (got 2)"), r.err());
    }

    private static String num(JsonNode v) {
        return v.isNull() ? "NaN" : ClaimResult.num(v.asDouble());
    }

    private record Out(int code, String out, String err) {
    }

    private static Out run(List<String> command, Path out, String... extra) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(extra));
        PrintStream o = System.out;
        PrintStream e = System.err;
        ByteArrayOutputStream ob = new ByteArrayOutputStream();
        ByteArrayOutputStream eb = new ByteArrayOutputStream();
        System.setOut(new PrintStream(ob, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(eb, true, StandardCharsets.UTF_8));
        try {
            return new Out(Main.run(args.toArray(String[]::new)), ob.toString(StandardCharsets.UTF_8),
                    eb.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }
}
