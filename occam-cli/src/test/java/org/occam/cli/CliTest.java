package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.cli.bench.BenchSuite;

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

    @Test
    void tableJoinsTorchRecordsAndReportsRatios() {
        var occ = java.util.List.of(new org.occam.cli.bench.Record("occam", "mlp_hvp", "float32", 2, 1024, null, null, null,
                30.0, 10, null, null));
        var tor = new BenchSuite.TorchResult(java.util.List.of(new org.occam.cli.bench.Record("torch", "mlp_hvp", "float32", 2,
                1024, null, null, null, 60.0, 10, null, null)), null);
        String table = BenchSuite.table(occ, tor);
        assertTrue(table.contains("0.50x"), table);
    }
}
