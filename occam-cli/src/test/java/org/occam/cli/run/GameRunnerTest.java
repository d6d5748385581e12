package org.occam.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.cli.config.Configs;
import org.occam.cli.config.GameConfig;
import org.occam.cli.report.Reports;
import org.occam.io.Safetensors;
import org.occam.train.MetricsSink;
import org.occam.train.RunStatus;

/** Game run folders: the files written, divergence as a status, a killed run resumed to the same bits, the report. */
class GameRunnerTest {

    /** Alternating updates, unbiased estimator and cancelled interaction terms: several draws per round. */
    static final String TINY = """
            game:
              data: ring
              generator: {latent: 4, hidden: [16], activation: tanh}
              discriminator: {hidden: [16], activation: tanh}
              scheme: alternating
              n_d: 2
              lr_d: 0.05
              lr_g: 0.03
              regularizers: cancel_interaction
              estimator: unbiased
              eval_samples: 200
            train: {batch_size: 16, steps: 30, eval_every: 10, checkpoint_every: 7}
            seed: 3
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Runner.Options options(MetricsSink tap) {
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Runner.Options(Progress.Mode.LINES, p, p, tap);
    }

    static GameConfig cfg(String... sets) {
        return (GameConfig) Configs.parseRun(TINY, "t", "tiny-game", Path.of("."), List.of(sets));
    }

    static Path checkpoint(Path run, long step) {
        return run.resolve("checkpoints").resolve(String.format("step-%09d", step));
    }

    @Test
    void aGameRunWritesEveryFile(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Runner.Outcome o = Runner.start(cfg(), run, options(null));
        assertEquals(RunStatus.completed(30), o.status());
        assertEquals(RunStatus.completed(30), StatusFile.read(run.resolve("status.json")).orElseThrow());
        assertEquals(cfg(), Configs.loadRun(run.resolve("config.yaml"), List.of()), "config.yaml is the resolved config");

        List<JsonNode> rows = MetricsLog.read(run.resolve("metrics.jsonl"));
        assertEquals(31, rows.size(), "30 round rows (log_every 1) and the final row");
        for (JsonNode r : rows) {
            for (String k : List.of("loss.d", "loss.g", "grad_norm.d", "grad_norm.g")) {
                assertTrue(r.get(k).isNumber() && Double.isFinite(r.get(k).asDouble()), k + " in " + r);
            }
            long step = r.get("step").asLong();
            boolean eval = step % 10 == 0 || step == 30;
            assertEquals(eval, r.has("modes_covered"), "mode coverage at eval rounds only: " + r);
            if (eval) {
                assertTrue(r.get("modes_covered").isIntegralNumber() && r.get("modes_covered").asInt() >= 0
                        && r.get("modes_covered").asInt() <= 8, r.toString());
                double hq = r.get("high_quality_fraction").asDouble();
                assertTrue(hq >= 0 && hq <= 1, r.toString());
            }
        }
        for (JsonNode r : rows) {
            // saturating loss: L_G = −mean softplus(D(G(z))) < 0 and L_D + L_G = mean softplus(−D(x)) > 0
            assertTrue(r.get("loss.g").asDouble() < 0 && r.get("loss.d").asDouble() + r.get("loss.g").asDouble() > 0,
                    r.toString());
        }
        assertTrue(rows.getLast().get("final").asBoolean());
        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(32, csv.size());
        assertTrue(csv.getFirst().startsWith("step,loss.d,loss.g,grad_norm.d,grad_norm.g,modes_covered,modes_hit,"
                + "high_quality_fraction"), csv.getFirst());

        Path ck = checkpoint(run, 30);
        Params model = Safetensors.read(ck.resolve("model.safetensors"));
        assertEquals(List.of("discriminator.0.weight", "discriminator.0.bias", "discriminator.2.weight", "discriminator.2.bias",
                "generator.0.weight", "generator.0.bias", "generator.2.weight", "generator.2.bias"), model.names());
        Params opt = Safetensors.read(ck.resolve("optimizer.safetensors"));
        assertEquals(60.0, opt.get("discriminator.step").item(), "n_d = 2 discriminator updates per round");
        assertEquals(30.0, opt.get("generator.step").item());
        assertEquals("30", Safetensors.readMetadata(ck.resolve("optimizer.safetensors")).get("optimizer_step"));
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            assertEquals(List.of("latest", "step-000000021", "step-000000028", "step-000000030"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "the newest 3 checkpoints are kept");
        }
        assertArrayEquals(new int[] {200, 2}, Safetensors.read(run.resolve(GameJob.SAMPLES)).get("samples").shape());
        String log = Files.readString(run.resolve("run.log"));
        assertTrue(log.contains("game: generator") && log.contains("alternating(2,1) SGD lr_d 0.05 lr_g 0.03")
                && log.contains("completed 30 steps"), log);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("step 30/30  loss"), out.toString(StandardCharsets.UTF_8));

        String html = Files.readString(Reports.write(run).html());
        assertTrue(html.contains("Generated samples") && html.contains("200 samples of the generator at step 30"), "samples");
        assertTrue(html.contains("<td>grad_norm.g</td>") && html.contains("<td>modes_covered</td>"), "final metrics table");
        assertTrue(html.contains("alt=\"loss\"") && html.contains("alt=\"grad_norm\""), "the players' losses and gradient"
                + " norms share one chart each");
    }

    @Test
    void logEveryThinsTheRows(@TempDir Path dir) {
        Runner.start(cfg("train.log_every=4", "train.eval_every=0", "train.steps=10"), dir.resolve("r"), options(null));
        List<Long> steps = MetricsLog.read(dir.resolve("r/metrics.jsonl")).stream().map(r -> r.get("step").asLong()).toList();
        assertEquals(List.of(0L, 4L, 8L, 10L), steps);
        assertTrue(MetricsLog.read(dir.resolve("r/metrics.jsonl")).getLast().has("modes_covered"), "evaluated at the end");
    }

    @Test
    void divergenceIsAStatusNotAnError(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("r");
        Runner.Outcome o = Runner.start(cfg("game.lr_d=1e30", "game.lr_g=1e30", "game.regularizers=none"), run, options(null));
        assertEquals(RunStatus.State.DIVERGED, o.status().state());
        RunStatus s = StatusFile.read(run.resolve("status.json")).orElseThrow();
        assertEquals(o.status(), s);
        assertTrue(s.step() >= 1 && s.step() < 30, s.toString());
        assertTrue(s.message().startsWith("non-finite parameter norm after round ") || s.message().contains(" is "), s.message());
        List<JsonNode> rows = MetricsLog.read(run.resolve("metrics.jsonl"));
        assertFalse(rows.isEmpty(), "the metrics are kept");
        assertEquals("diverged", rows.getLast().get("status").asText());
        assertEquals(s.step(), rows.getLast().get("step").asLong());
        assertTrue(Files.isRegularFile(run.resolve("metrics.csv")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("diverged at step " + s.step()));
        assertTrue(Files.readString(Reports.write(run).html(), StandardCharsets.UTF_8).contains("badge diverged"));
    }

    /**
     * A run stopped by an exception after its second checkpoint (step 14), resumed: both players'
     * parameters and optimiser states, the samples and the metrics are bit-identical to an
     * uninterrupted run's.
     */
    @Test
    void resumeAfterAFailureGivesTheSameBits(@TempDir Path dir) throws IOException {
        assertResumesToTheSameBits(dir);
    }

    /**
     * The same with Adam for the discriminator and Nesterov momentum for the generator: the
     * checkpoint holds both players' moments and update counts, and the resumed run ends with the
     * same bits.
     */
    @Test
    void adamRunsResumeToTheSameBits(@TempDir Path dir) throws IOException {
        String[] sets = {"game.optimizer_d={name: adam, beta1: 0.5}", "game.optimizer_g={name: nesterov, momentum: 0.5}",
            "game.lr_d=0.005", "game.lr_g=0.005"};
        assertResumesToTheSameBits(dir, sets);
        Path ck = checkpoint(dir.resolve("broken"), 30);
        Params opt = Safetensors.read(ck.resolve("optimizer.safetensors"));
        assertEquals(60.0, opt.get("discriminator.step").item(), "Adam's update count t (n_d = 2), for its bias correction");
        assertEquals(30.0, opt.get("generator.step").item());
        Params model = Safetensors.read(ck.resolve("model.safetensors"));
        for (String w : List.of("0.weight", "0.bias", "2.weight", "2.bias")) {
            for (String kind : List.of("exp_avg.", "exp_avg_sq.")) {
                assertArrayEquals(model.get("discriminator." + w).shape(), opt.get("discriminator." + kind + w).shape(), kind + w);
            }
            assertArrayEquals(model.get("generator." + w).shape(), opt.get("generator.momentum." + w).shape(), w);
        }
        assertEquals(2 * 4 + 4 + 2, opt.names().size(), "two Adam moments per discriminator tensor, one momentum buffer per"
                + " generator tensor, two counts: " + opt.names());
        assertTrue(Files.readString(dir.resolve("straight/run.log")).contains(
                "alternating(2,1) optimizers d adam(0.5, 0.999) g nesterov(0.5) lr_d 0.005 lr_g 0.005"));
        Runner.start(cfg(sets[2], sets[3]), dir.resolve("sgd"), options(null));
        assertTrue(Files.mismatch(checkpoint(dir.resolve("sgd"), 30).resolve("model.safetensors"),
                ck.resolve("model.safetensors")) >= 0, "the optimizers change the run");
    }

    /** Kills the run of {@code cfg(sets)} at step 17 (after the checkpoint at 14), resumes it, and compares with a straight run. */
    private void assertResumesToTheSameBits(Path dir, String... sets) throws IOException {
        Path straight = dir.resolve("straight");
        Runner.start(cfg(sets), straight, options(null));

        Path broken = dir.resolve("broken");
        MetricsSink killer = row -> {
            if (((Number) row.get("step")).longValue() == 17) {
                throw new IllegalStateException("simulated crash");
            }
        };
        Runner.RunFailed f = assertThrows(Runner.RunFailed.class, () -> Runner.start(cfg(sets), broken, options(killer)));
        assertTrue(f.getMessage().startsWith("run failed at step 17: java.lang.IllegalStateException: simulated crash"),
                f.getMessage());
        assertEquals(RunStatus.State.FAILED, StatusFile.read(broken.resolve("status.json")).orElseThrow().state());
        assertTrue(Files.isDirectory(checkpoint(broken, 14)));

        Runner.Outcome resumed = Runner.resume(broken, options(null));
        assertEquals(RunStatus.completed(30), resumed.status());
        assertTrue(Files.readString(broken.resolve("run.log")).contains("resuming tiny-game at step 14"));
        for (String f2 : List.of("model.safetensors", "optimizer.safetensors")) {
            assertEquals(-1L, Files.mismatch(checkpoint(straight, 30).resolve(f2), checkpoint(broken, 30).resolve(f2)), f2);
        }
        assertEquals(-1L, Files.mismatch(straight.resolve(GameJob.SAMPLES), broken.resolve(GameJob.SAMPLES)));
        assertEquals(Files.readString(straight.resolve("metrics.jsonl")), Files.readString(broken.resolve("metrics.jsonl")));
        assertEquals(Files.readString(straight.resolve("metrics.csv")), Files.readString(broken.resolve("metrics.csv")));

        Runner.Outcome again = Runner.resume(broken, options(null));
        assertEquals(RunStatus.completed(30), again.status());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("has already completed at step 30; nothing to resume"));
    }

    @Test
    void anotherSeedAnotherRunTheSameSeedTheSameBits(@TempDir Path dir) throws IOException {
        Runner.start(cfg("train.steps=5"), dir.resolve("a"), options(null));
        Runner.start(cfg("train.steps=5"), dir.resolve("b"), options(null));
        Runner.start(cfg("train.steps=5", "seed=4"), dir.resolve("c"), options(null));
        Path a = checkpoint(dir.resolve("a"), 5).resolve("model.safetensors");
        assertEquals(-1L, Files.mismatch(a, checkpoint(dir.resolve("b"), 5).resolve("model.safetensors")));
        assertTrue(Files.mismatch(a, checkpoint(dir.resolve("c"), 5).resolve("model.safetensors")) >= 0);
    }
}
