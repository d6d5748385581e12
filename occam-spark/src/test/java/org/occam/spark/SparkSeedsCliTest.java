package org.occam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code occam reproduce NAME --spark local[2]} runs each seed as a Spark task and prints the
 * outcome of the local run: the same setting, claims and per-seed values, bit for bit.
 */
class SparkSeedsCliTest {

    @Test
    void aReproductionsSeedsOnSparkGiveTheLocalOutcome(@TempDir Path dir) {
        String local = SparkShardCliTest.capture("reproduce", "eos", "--quick", "--seeds", "3", "--json", "--out",
                dir.resolve("local").toString());
        String onSpark = SparkShardCliTest.capture("reproduce", "eos", "--quick", "--seeds", "3", "--json", "--spark",
                "local[2]", "--out", dir.resolve("spark").toString());
        assertTrue(local.contains("\"reproduction\" : \"EOS-1\"") && local.contains("\"seeds\" : [ 0, 1, 2 ]"), local);
        assertEquals(withoutReport(local), withoutReport(onSpark));
    }

    private static String withoutReport(String json) {
        assertTrue(json.contains("\"report\" : \""), json);
        return json.replaceAll("\"report\" : \"[^\"]*\"", "");
    }
}
