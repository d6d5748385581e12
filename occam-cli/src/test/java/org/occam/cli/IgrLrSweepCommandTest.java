package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.report.RateChecks;

/** The main job's --quick path end to end: the table, the JSON, and the report files. */
class IgrLrSweepCommandTest {
    private static final List<String> CLAIMS = List.of("IGR-2 R_IG(h)", "IGR-2 lambda_max(h)", "IGR-2 test_acc(h)",
            "IGR-2 R_IG(mu)", "IGR-2 lambda_max(mu)", "IGR-2 test_acc(mu)", "GC-2 GC(h, SGD B=20)",
            "GC-2 GC(B=20 vs full)", "GC-2 rho(GC,test_acc)");

    @Test
    void quickPrintsTheClaimTableAndWritesTheReport(@TempDir Path dir) throws Exception {
        CliRun.Result r = CliRun.run("reproduce", "igr-lr-sweep", "--quick", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains(ClaimTable.QUICK_WARNING), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("claim") && l.contains("effect") && l.contains("95% interval")
                && l.contains(" n ") && l.contains("resolution") && l.contains("verdict")), out);
        for (String id : CLAIMS) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(id + " ")
                    && l.matches(".*\\[.*,.*].*\\b2\\b.*(SUPPORTED|CONTRADICTED|INCONCLUSIVE)$")), id + " row in\n" + out);
        }
        assertTrue(out.contains("largest h*lambda_max below the edge of stability"), out);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("data:image/png;base64"));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("What to look at"));
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertTrue(csv.get(0).startsWith("arm,regime,h,mu,batch,seed,steps,reached_target"));
        assertEquals(1 + 5 * 2, csv.size(), "one row per run: 2 rates + 1 EGR strength + 2 SGD rates, 2 seeds");
        assertTrue(out.contains("GC in full batch: context, NOT GC-2 claims"), out);
        RateChecks.assertConsistent(out, "the console");
        RateChecks.assertConsistentFiles(dir);
    }

    @Test
    void quickJsonCarriesTheSameFields(@TempDir Path dir) throws Exception {
        CliRun.Result r = CliRun.run("reproduce", "igr-lr-sweep", "--quick", "--json", "--seeds", "3",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("quick").asBoolean());
        assertTrue(r.err().contains(ClaimTable.QUICK_WARNING), "the warning goes to stderr with --json");
        assertEquals(CLAIMS.size(), j.get("claims").size());
        for (int i = 0; i < CLAIMS.size(); i++) {
            JsonNode c = j.get("claims").get(i);
            assertEquals(CLAIMS.get(i), c.get("id").asText());
            for (String key : List.of("statistic", "effect", "ci_low", "ci_high", "ci_method", "n", "resolution",
                    "verdict", "per_seed")) {
                assertTrue(c.has(key), key);
            }
            assertEquals(3, c.get("n").asInt());
            assertEquals(3, c.get("per_seed").size());
        }
        assertEquals(1e-4, j.get("claims").get(2).get("resolution").asDouble(), 0, "one of 10,000 test images");
        assertEquals(15, j.get("runs").size());
        assertEquals(2, j.get("full_batch_gc_context").size());
        assertEquals(j.toString(), new ObjectMapper().readTree(Files.readString(dir.resolve("claims.json"))).toString());
    }

    @Test
    void badDtypeIsOneClearLine() {
        CliRun.Result r = CliRun.run("reproduce", "igr-lr-sweep", "--quick", "--dtype", "float16");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--dtype: expected float32 or float64"), r.err());
    }
}
