package org.occam.lab.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one outcome of every reproduction: its JSON fields in order, and the table followed by the notes. */
class OutcomeTest {
    private static final ClaimResult RESULT = Claim.of("T-1", "the statistic rises", "value per seed",
            Direction.INCREASE, 0, 0.1).test(new double[] {1, 2, 3});

    @Test
    void extraFieldsFollowTheClaimsAndNotesFollowTheTable() throws Exception {
        Outcome o = new Outcome("T", Map.of("steps", 3), new long[] {0, 1, 2}, List.of(RESULT), true,
                Path.of("r", "report.html"), Map.of("runs", List.of(Map.of("seed", 0))), List.of("wall time 1.0 s"));
        JsonNode j = new ObjectMapper().readTree(o.json());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("reproduction", "quick", "warning", "seeds", "setting", "claims", "runs", "report"), keys);
        assertEquals(0, j.get("runs").get(0).get("seed").asInt());
        assertEquals("T-1", j.get("claims").get(0).get("id").asText());
        List<String> table = ClaimTable.lines(List.of(RESULT), true);
        List<String> lines = o.lines();
        assertEquals(table, lines.subList(0, table.size()));
        assertEquals(List.of("", "wall time 1.0 s"), lines.subList(table.size(), lines.size()));
    }

    @Test
    void withoutExtrasTheJsonAndTableAreTheClaimsAlone() throws Exception {
        Outcome o = new Outcome("T", Map.of(), new long[] {0, 1, 2}, List.of(RESULT), false, null);
        JsonNode j = new ObjectMapper().readTree(o.json());
        assertFalse(j.has("runs"));
        assertFalse(j.has("warning"));
        assertEquals(ClaimTable.lines(List.of(RESULT), false), o.lines());
    }
}
