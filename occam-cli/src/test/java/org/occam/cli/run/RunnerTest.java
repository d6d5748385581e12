package org.occam.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.occam.autodiff.Params;
import org.occam.cli.config.Configs;
import org.occam.cli.config.ExperimentConfig;
import org.occam.io.Safetensors;
import org.occam.train.MetricsSink;
import org.occam.train.RunStatus;

/** Run folders: files written, divergence recorded, and a killed run resumed to the same bits. */
class RunnerTest {

    static final String TINY = """
            model: mlp:64-16-10:tanh
            data: digits
            optimizer: {name: momentum, momentum: 0.9}
            lr: {name: cosine, base: 0.05, warmup: 5}
            regularizers: [{name: l2, coef: 0.001}]
            monitors: [{name: grad_norm, every: 10, samples: 64}]
            train: {batch_size: 32, steps: 60, eval_every: 20, checkpoint_every: 15}
            seed: 3
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Runner.Options options(MetricsSink tap) {
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Runner.Options(Progress.Mode.LINES, p, p, tap);
    }

    static ExperimentConfig cfg(String... sets) {
        return Configs.parse(TINY, "t", "tiny", Path.of("."), List.of(sets));
    }

    /** The final parameters, read back from the last checkpoint as the brief's check asks. */
    static Params finalParams(Path run, long steps) throws IOException {
        return Safetensors.read(run.resolve("checkpoints").resolve(String.format("step-%09d", steps)).resolve("model.safetensors"));
    }

    static void assertSameBits(Params a, Params b) {
        assertEquals(a.names(), b.names());
        for (String n : a.names()) {
            float[] x = a.get(n).toFloatArray();
            float[] y = b.get(n).toFloatArray();
            assertEquals(x.length, y.length, n);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Float.floatToRawIntBits(x[i]), Float.floatToRawIntBits(y[i]), n + "[" + i + "]");
            }
        }
    }

    @Test
    void aRunWritesEveryFile(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Runner.Outcome o = Runner.start(cfg(), run, options(null));
        assertEquals(RunStatus.completed(60), o.status());
        assertEquals(RunStatus.completed(60), StatusFile.read(run.resolve("status.json")).orElseThrow());
        assertEquals(cfg(), Configs.load(run.resolve("config.yaml"), List.of()));
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertEquals(61, lines.size(), "60 step rows and the final row");
        assertTrue(lines.get(0).contains("\"grad_norm\"") && lines.get(0).contains("\"test_accuracy\""), lines.get(0));
        assertTrue(lines.get(60).contains("\"final\":true"), lines.get(60));
        assertEquals(62, Files.readAllLines(run.resolve("metrics.csv")).size());
        assertTrue(Files.readString(run.resolve("run.log")).contains("completed 60 steps"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("step 60/60  loss"), out.toString(StandardCharsets.UTF_8));
        assertEquals(64 * 16 + 16 + 16 * 10 + 10, finalParams(run, 60).numel());
    }

    @Test
    void divergenceIsAStatusNotAnError(@TempDir Path dir) throws IOException {
        Runner.Outcome o = Runner.start(cfg("lr=1e4", "regularizers=[]", "optimizer=sgd", "model=mlp:64-16-10:relu"), dir.resolve("r"), options(null));
        assertEquals(RunStatus.State.DIVERGED, o.status().state());
        RunStatus s = StatusFile.read(dir.resolve("r/status.json")).orElseThrow();
        assertEquals(RunStatus.State.DIVERGED, s.state());
        assertTrue(s.step() > 0 && s.step() < 60 && s.message().startsWith("loss"), s.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("diverged at step " + s.step()));
    }

    /**
     * A run stopped by an exception after its second checkpoint (status failed), resumed: the final
     * parameters and the metrics file are bit-identical to an uninterrupted run's.
     */
    @Test
    void resumeAfterAFailureGivesTheSameBits(@TempDir Path dir) throws IOException {
        Path straight = dir.resolve("straight");
        Runner.start(cfg(), straight, options(null));

        Path broken = dir.resolve("broken");
        MetricsSink killer = row -> {
            if (((Number) row.get("step")).longValue() == 37) {
                throw new IllegalStateException("simulated crash");
            }
        };
        Runner.RunFailed f = assertThrows(Runner.RunFailed.class, () -> Runner.start(cfg(), broken, options(killer)));
        assertTrue(f.getMessage().startsWith("run failed at step 37: java.lang.IllegalStateException: simulated crash"),
                f.getMessage());
        RunStatus failed = StatusFile.read(broken.resolve("status.json")).orElseThrow();
        assertEquals(RunStatus.failed(37, "java.lang.IllegalStateException: simulated crash"), failed);

        Runner.Outcome resumed = Runner.resume(broken, options(null));
        assertEquals(RunStatus.completed(60), resumed.status());
        assertTrue(Files.readString(broken.resolve("run.log")).contains("resuming tiny at step 30"));
        assertSameBits(finalParams(straight, 60), finalParams(broken, 60));
        assertEquals(Files.readString(straight.resolve("metrics.jsonl")), Files.readString(broken.resolve("metrics.jsonl")));
        assertEquals(Files.readString(straight.resolve("metrics.csv")), Files.readString(broken.resolve("metrics.csv")));
    }

    @Test
    void aFinishedRunIsNotRunAgain(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("r");
        Runner.start(cfg("train.steps=5"), run, options(null));
        String metrics = Files.readString(run.resolve("metrics.jsonl"));
        Runner.Outcome again = Runner.resume(run, options(null));
        assertEquals(RunStatus.completed(5), again.status());
        assertEquals(metrics, Files.readString(run.resolve("metrics.jsonl")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("has already completed at step 5; nothing to resume"));
    }

    @Test
    void aRunFolderIsNeverReused(@TempDir Path dir) {
        Path run = dir.resolve("r");
        Runner.start(cfg("train.steps=2"), run, options(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Runner.start(cfg(), run, options(null)));
        assertEquals(run + " already holds a run; continue it with ./occam train --resume " + run + ", or choose another --out",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Runner.resume(dir.resolve("nothing"), options(null)));
    }

    @Test
    void float64RunsKeepTheirDtype(@TempDir Path dir) throws IOException {
        Runner.start(cfg("dtype=float64", "train.steps=3"), dir.resolve("r"), options(null));
        Params p = finalParams(dir.resolve("r"), 3);
        assertEquals(org.occam.tensor.DType.FLOAT64, p.dtype());
        assertArrayEquals(new int[] {16, 64}, p.get("0.weight").shape());
    }
}
