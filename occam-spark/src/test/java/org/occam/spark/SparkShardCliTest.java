package org.occam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.Main;
import org.occam.cli.config.ConfigException;
import org.occam.cli.config.Configs;
import org.occam.cli.config.ExperimentConfig;
import org.occam.cli.run.Progress;
import org.occam.cli.run.Runner;
import org.occam.train.MetricsSink;

/**
 * {@code occam measure --spark} prints what {@code --chunk} alone prints, and a {@code train.spark}
 * run killed mid-way resumes from its checkpoint to the bits of an uninterrupted one.
 */
class SparkShardCliTest {

    static final String GD = """
            model: mlp:64-12-10:tanh
            data: digits
            optimizer: sgd
            lr: 0.3
            train: {batch_size: full, steps: 10, eval_every: 5, checkpoint_every: 3, chunk: 100, spark: 'local[2]'}
            seed: 1
            dtype: float64
            """;

    @Test
    void measureOnSparkPrintsTheSingleMachineChunkedNumbers() {
        String[] base = {"measure", "--model", "mlp:64-12-10:tanh", "--data", "digits:train[:200]", "--metrics",
            "loss,accuracy,grad_norm,top_eigenvalues:5,hessian_trace,gc", "--probes", "3", "--chunk", "16", "--json"};
        String local = capture(base);
        String[] spark = java.util.Arrays.copyOf(base, base.length + 4);
        System.arraycopy(new String[] {"--spark", "local[2]", "--partitions", "7"}, 0, spark, base.length, 4);
        String onSpark = capture(spark);
        assertTrue(local.contains("\"sharded\":\"this JVM, 13 chunks, 16 examples per chunk\""), local);
        assertTrue(onSpark.contains("\"sharded\":\"Spark local[2], 7 partitions, 13 chunks, 16 examples per chunk\""), onSpark);
        assertEquals(local.replaceAll("\"sharded\":\"[^\"]*\",", ""), onSpark.replaceAll("\"sharded\":\"[^\"]*\",", ""));
        assertTrue(local.contains("\"top_eigenvalues\":[") && local.contains("\"hessian_trace\":"), local);
    }

    @Test
    void aKilledSparkRunResumesToTheSameBits(@TempDir Path dir) throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Runner.Options o = new Runner.Options(Progress.Mode.QUIET, quiet, quiet);
        Path straight = dir.resolve("straight");
        Runner.start(cfg(), straight, o);
        Path broken = dir.resolve("broken");
        MetricsSink killer = row -> {
            if (((Number) row.get("step")).longValue() == 7) {
                throw new IllegalStateException("simulated crash");
            }
        };
        assertThrows(Runner.RunFailed.class, () -> Runner.start(cfg(), broken, new Runner.Options(Progress.Mode.QUIET, quiet,
                quiet, killer)));
        Runner.resume(broken, o);
        assertTrue(Files.readString(broken.resolve("run.log")).contains("resuming t at step 6"));
        assertTrue(Files.readString(broken.resolve("run.log")).contains("full-batch gradients on Spark local[2]"));
        assertEquals(Files.readString(straight.resolve("metrics.jsonl")), Files.readString(broken.resolve("metrics.jsonl")));
        for (String f : List.of("model.safetensors", "optimizer.safetensors")) {
            Path a = straight.resolve("checkpoints/step-000000010").resolve(f);
            assertEquals(-1L, Files.mismatch(a, broken.resolve("checkpoints/step-000000010").resolve(f)), f);
        }
    }

    @Test
    void sparkTrainingNeedsTheFullBatch() {
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse(GD, "t", "t", Path.of("."),
                List.of("train.batch_size=32")));
        assertEquals("train.spark: computes full-batch gradients only; set train.batch_size: full (got 32)", e.getMessage());
    }

    static ExperimentConfig cfg() {
        return Configs.parse(GD, "t", "t", Path.of("."), List.of());
    }

    static String capture(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args);
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, code, captured.toString(StandardCharsets.UTF_8));
        return captured.toString(StandardCharsets.UTF_8);
    }
}
