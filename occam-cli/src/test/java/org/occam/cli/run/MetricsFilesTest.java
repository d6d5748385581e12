package org.occam.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.train.RunStatus;

/** metrics.jsonl, its truncation on resume, the CSV export, and status.json. */
class MetricsFilesTest {

    private static Map<String, Object> row(long step, double loss) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("step", step);
        r.put("loss", loss);
        return r;
    }

    @Test
    void rowsAreAppendedOnePerLineWithNonFiniteAsNull(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.append(f)) {
            log.accept(row(0, 1.5));
            log.accept(row(1, Double.NaN));
        }
        assertEquals("{\"step\":0,\"loss\":1.5}\n{\"step\":1,\"loss\":null}\n", Files.readString(f));
    }

    @Test
    void truncationDropsRowsFromTheCheckpointStepAndATornLastLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("metrics.jsonl");
        Files.writeString(f, "{\"step\":0,\"loss\":1}\n{\"step\":1,\"loss\":2}\n{\"step\":2,\"loss\":3}\n{\"step\":3,\"lo");
        assertEquals(2, MetricsLog.truncateFrom(f, 2, 10));
        assertEquals("{\"step\":0,\"loss\":1}\n{\"step\":1,\"loss\":2}\n", Files.readString(f));
    }

    @Test
    void aCompleteFinalRowSurvivesWhenTheCheckpointIsTheLastStep(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("metrics.jsonl");
        Files.writeString(f, "{\"step\":0}\n{\"step\":1}\n{\"step\":2,\"final\":true}\n");
        assertEquals(3, MetricsLog.truncateFrom(f, 2, 2));
        assertEquals(1, MetricsLog.truncateFrom(f, 1, 2));
    }

    @Test
    void csvHasTheUnionOfColumnsInFirstSeenOrder(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("metrics.jsonl");
        Files.writeString(f, "{\"step\":0,\"loss\":1.5,\"test_accuracy\":0.5}\n{\"step\":1,\"loss\":null}\n"
                + "{\"step\":2,\"final\":true,\"note\":\"a,b\"}\n");
        assertEquals(3, MetricsCsv.export(f, dir.resolve("m.csv")));
        assertEquals("step,loss,test_accuracy,final,note\n0,1.5,0.5,,\n1,,,,\n2,,,true,\"a,b\"\n",
                Files.readString(dir.resolve("m.csv")));
    }

    @Test
    void statusRoundTrips(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("status.json");
        StatusFile.write(f, RunStatus.diverged(17, "loss is NaN"), 100, "x");
        assertEquals(RunStatus.diverged(17, "loss is NaN"), StatusFile.read(f).orElseThrow());
        String text = Files.readString(f);
        assertEquals(true, text.startsWith("{\"state\":\"diverged\",\"step\":17,\"total_steps\":100,\"message\":\"loss is NaN\""), text);
        StatusFile.write(f, RunStatus.completed(100), 100, "x");
        assertEquals(RunStatus.completed(100), StatusFile.read(f).orElseThrow());
    }
}
