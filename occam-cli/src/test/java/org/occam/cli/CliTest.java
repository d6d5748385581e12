package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import java.util.List;
import org.occam.cli.bench.FreshRuns;
import org.occam.cli.bench.Record;

class CliTest {

    @Test
    void versionPrintsTheRuntime() {
        CliRun.Result r = CliRun.run("version");
        assertEquals("0", String.valueOf(r.code()));
        assertTrue(r.out().startsWith("occam ") && r.out().contains("vector species"), r.out());
    }

    @Test
    void unknownWorkloadListsTheValidOnes() {
        CliRun.Result r = CliRun.run("bench", "--workloads", "gemm,fft", "--torch", "off");
        assertEquals("2", String.valueOf(r.code()));
        assertTrue(r.err().contains("unknown workload 'fft'") && r.err().contains("mlp_hvp"), r.err());
    }

    @Test
    void badDtypeAndThreadsAreNamed() {
        CliRun.Result r = CliRun.run("bench", "--dtypes", "float16", "--torch", "off");
        assertTrue(r.err().contains("float16") && r.err().contains("float32, float64"), r.err());
        CliRun.Result t = CliRun.run("bench", "--threads", "0", "--torch", "off");
        assertTrue(t.err().contains("--threads"), t.err());
    }

    private static Record rec(String impl, double ms, double cpu, double load) {
        return new Record(impl, "mlp_hvp", "float32", 2, 1024, null, null, null, ms, 10, null, null, null, cpu, load, null);
    }

    @Test
    void freshRunsTakeMediansPerSideAndReportSpreadAndLoad() {
        List<Record> raw = List.of(rec("occam", 30, 29, 0.01), rec("torch", 60, 58, 0.0), rec("occam", 33, 30, 0.2),
                rec("torch", 66, 61, 0.05), rec("occam", 27, 28, 0.0), rec("torch", 57, 55, 0.0));
        List<FreshRuns.Row> rows = FreshRuns.summarize(raw);
        assertEquals(1, rows.size());
        FreshRuns.Row r = rows.get(0);
        assertEquals(30.0, r.occam().median_ms());
        assertEquals(60.0, r.torch().median_ms());
        assertEquals(29.0, r.occam().cpu_ms());
        assertEquals(0.2, r.occamSpread(), 1e-12);
        assertEquals(0.15, r.torchSpread(), 1e-12);
        assertEquals(0.2, r.occamLoad());
        assertEquals(0.05, r.torchLoad());
        String table = FreshRuns.table(new FreshRuns.Outcome(raw, rows, null, null));
        assertTrue(table.contains("0.50x") && table.contains("20%/15%") && table.contains("3/3") && table.contains("0.20/0.05"),
                table);
    }
}
