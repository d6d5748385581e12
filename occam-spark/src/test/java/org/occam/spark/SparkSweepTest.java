package org.occam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.Main;
import org.occam.cli.sweep.LocalPool;
import org.occam.cli.sweep.ResultsTable;
import org.occam.cli.sweep.Sweep;
import org.occam.cli.sweep.SweepFile;
import org.occam.cli.sweep.Sweeps;

/** The same sweep on the local pool and on Spark local[2]: identical tables and run folders, bit for bit. */
class SparkSweepTest {

    /** 2 x 2 runs of 6 steps; lr 1e4 diverges (loss above the bound of 100). */
    static final String TINY = """
            name: tiny
            base:
              model: mlp:64-16-10:tanh
              data: digits
              lr: 0.1
              train: {batch_size: 32, steps: 6, eval_every: 3, checkpoint_every: 2, divergence_bound: 100}
            grid:
              lr: [0.1, 1.0e4]
              train.batch_size: [16, 64]
            seeds: [0]
            """;

    @Test
    void localPoolAndSparkGiveIdenticalTables(@TempDir Path dir) throws IOException {
        Sweep sweep = SweepFile.parse(TINY, "tiny.yaml", "tiny", dir, List.of());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Sweeps.Options o = new Sweeps.Options(true, false, quiet, quiet);
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        try (LocalPool pool = new LocalPool(2, 0)) {
            Sweeps.run(sweep, local, pool, o);
        }
        try (SparkBackend backend = SparkBackend.open("local[2]")) {
            Sweeps.Outcome out = Sweeps.run(sweep, spark, backend, o);
            assertTrue(out.parquet());
            List<Row> rows = backend.session().read().parquet(spark.resolve("results.parquet").toString()).collectAsList();
            ResultsTable t = out.table();
            assertEquals(t.rows().size(), rows.size());
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort(java.util.Comparator.comparing(r -> r.getString(0)));
            for (int i = 0; i < t.rows().size(); i++) {
                for (int c = 0; c < t.header().size(); c++) {
                    assertEquals(t.rows().get(i).get(c), sorted.get(i).isNullAt(c) ? null : sorted.get(i).get(c),
                            t.header().get(c) + " of " + t.rows().get(i).getFirst());
                }
            }
            assertEquals(t.header(), List.of(sorted.getFirst().schema().fieldNames()));
        }
        String table = Files.readString(local.resolve("results.csv"));
        assertEquals(table, Files.readString(spark.resolve("results.csv")));
        assertTrue(table.contains(",completed,") && table.contains(",diverged,"), table);
        for (Sweep.Run r : sweep.runs()) {
            Path a = local.resolve(r.id());
            Path b = spark.resolve(r.id());
            List<String> files = files(a);
            assertEquals(files, files(b), r.id());
            for (String f : files) {
                if (f.endsWith(".safetensors") || f.startsWith("metrics.")) {
                    assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), r.id() + "/" + f);
                }
            }
        }

        // ./occam sweep --spark, in-process (occam-spark is on the classpath): everything is done already.
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, TINY);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("sweep", file.toString(), "--out", spark.toString(), "--spark", "local[2]", "--quiet", "--no-report");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, code);
        String line = captured.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("sweep tiny: 4 runs: 2 completed, 2 diverged (skipped 4) in "), line);
        assertTrue(line.strip().endsWith("results.csv, results.parquet"), line);
        assertEquals(table, Files.readString(spark.resolve("results.csv")));
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).filter(p -> !p.equals("run.log")
                    && !p.equals("status.json")).sorted().toList();
        }
    }
}
