package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.occam.cli.bench.BenchSuite;

class CliTest {
    private static String[] capture(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void versionPrintsTheRuntime() {
        String[] r = capture("version");
        assertEquals("0", r[0]);
        assertTrue(r[1].startsWith("occam ") && r[1].contains("vector species"), r[1]);
    }

    @Test
    void unknownWorkloadListsTheValidOnes() {
        String[] r = capture("bench", "--workloads", "gemm,fft", "--torch", "off");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown workload 'fft'") && r[2].contains("mlp_hvp"), r[2]);
    }

    @Test
    void badDtypeAndThreadsAreNamed() {
        String[] r = capture("bench", "--dtypes", "float16", "--torch", "off");
        assertTrue(r[2].contains("float16") && r[2].contains("float32, float64"), r[2]);
        String[] t = capture("bench", "--threads", "0", "--torch", "off");
        assertTrue(t[2].contains("--threads"), t[2]);
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
