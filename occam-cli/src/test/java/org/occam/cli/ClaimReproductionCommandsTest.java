package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.report.RateChecks;

/** The claim-judged reproductions sgd-2, sgd-3 and gc-1 through the CLI, in their --quick form. */
class ClaimReproductionCommandsTest {
    private static final List<String> FIELDS = List.of("id", "claim", "statistic", "direction", "effect", "ci_low",
            "ci_high", "ci_level", "ci_method", "n", "resolution", "verdict", "per_seed");

    /** --quick --json: one JSON object with the warning, the setting, every claim's fields and the runs; files written. */
    @ParameterizedTest
    @ValueSource(strings = {"sgd-2", "sgd-3", "gc-1"})
    void quickJson(String name, @TempDir Path dir) throws Exception {
        CliRun.Result r = CliRun.run("reproduce", name, "--quick", "--json", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(name.toUpperCase(Locale.ROOT), j.get("reproduction").asText(), "the lab id, e.g. SGD-2");
        assertTrue(j.get("quick").asBoolean());
        assertEquals(ClaimTable.QUICK_WARNING, j.get("warning").asText());
        assertTrue(j.get("setting").size() > 3);
        assertTrue(j.get("claims").size() >= 5);
        for (JsonNode c : j.get("claims")) {
            for (String f : FIELDS) {
                assertTrue(c.has(f), name + " claim lacks " + f + ": " + c);
            }
            assertEquals(2, c.get("n").asInt());
            assertEquals(2, c.get("per_seed").size());
            assertTrue(List.of("supported", "contradicted", "inconclusive").contains(c.get("verdict").asText()));
        }
        int runs = j.get("runs").size();
        assertTrue(runs >= 6);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("data:image/png;base64"));
        assertEquals(runs + 1, Files.readAllLines(dir.resolve("results.csv")).size());
        assertTrue(r.err().contains("seed 0"), "progress goes to stderr with --json");
        RateChecks.assertConsistent(r.err(), name + "'s console lines");
        RateChecks.assertConsistentFiles(dir);
    }

    /** --quick: the table starts with the warning and has the column names; one line per claim with its verdict. */
    @ParameterizedTest
    @ValueSource(strings = {"sgd-2", "gc-1"})
    void quickTable(String name, @TempDir Path dir) {
        CliRun.Result r = CliRun.run("reproduce", name, "--quick", "--seeds", "3", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(ClaimTable.QUICK_WARNING));
        assertTrue(r.out().contains("effect") && r.out().contains("95% interval") && r.out().contains("resolution")
                && r.out().contains("verdict"));
        assertTrue(r.out().contains("t, df=2"), "three seeds give a t-interval with 2 degrees of freedom");
        assertTrue(r.out().contains("report: "));
    }

    /** Bad options: one line naming the option, exit code 2, nothing written. */
    @ParameterizedTest
    @ValueSource(strings = {"--seeds=0", "--parallel=0", "--data=cifar"})
    void badInput(String option, @TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.run("reproduce", "sgd-3", "--quick", option, "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        String opt = option.substring(2, option.indexOf('='));
        assertTrue(r.err().contains(opt.equals("data") ? "data must be" : "--" + opt), r.err());
        assertFalse(Files.exists(out));
    }

    /** One rule for every claim-judged reproduction: fewer than 5 seeds need --quick; one line, exit code 2. */
    @ParameterizedTest
    @ValueSource(strings = {"sgd-2", "sgd-3", "gc-1", "igr-lr-sweep"})
    void fewerThanFiveSeedsNeedQuick(String name, @TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.run("reproduce", name, "--seeds", "3", "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--seeds: a run without --quick needs at least 5 seeds (got 3)"), r.err());
        assertFalse(Files.exists(out));
    }

    /** sgd-2, sgd-3 and gc-1 run seeds 0..N-1: another first seed is refused, not silently ignored. */
    @ParameterizedTest
    @ValueSource(strings = {"sgd-2", "sgd-3", "gc-1"})
    void anotherFirstSeedIsRefused(String name, @TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.run("reproduce", name, "--quick", "--seed", "4", "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--seed: " + name + " runs seeds 0..N-1"), r.err());
        assertFalse(Files.exists(out));
    }
}
