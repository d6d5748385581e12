package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.data.CachedDataset;
import org.occam.data.DataCache;
import org.occam.io.Safetensors;

/** {@code ./occam train} end to end: every example at a tiny size, bad configs, and kill-and-resume. */
class TrainCommandTest {

    /** Exit code, stdout, stderr. */


    /** A data spec naming the cached MNIST ({@code mnist}, {@code mnist:train}), not {@code mnist-embedded} or {@code fashion-mnist}. */
    private static final Pattern CACHED_MNIST = Pattern.compile("(?<![-\\w])mnist(?![-\\w])");

    static Path examples() {
        Path p = Path.of("examples");
        return Files.isDirectory(p) ? p : Path.of("..", "examples");
    }

    @Test
    void everyExampleTrainsAtATinySize(@TempDir Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(examples())) {
            files = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 7, files.toString());
        Path cifarCache = CifarFolders.tinyCache(dir.resolve("cifar-cache"));
        for (Path f : files) {
            String file = f.getFileName().toString();
            String config = Files.readString(f);
            CachedDataset needs = config.contains("fashion-mnist") ? CachedDataset.FASHION_MNIST
                    : CACHED_MNIST.matcher(config).find() ? CachedDataset.MNIST : null; // mnist-embedded ships in the jar
            if (needs != null && !DataCache.isInstalled(DataCache.defaultRoot(), needs)) {
                System.out.println("skipping " + f + ": needs " + needs.id() + " in the data cache (" + needs.fixCommand() + ")");
                continue;
            }
            Path out = dir.resolve(file);
            List<String> args = new ArrayList<>(List.of("train", f.toString(), "--out", out.toString(), "--quiet", "--set",
                    "train.epochs=null", "--set", "train.steps=4", "--set", "train.eval_every=2"));
            if (file.startsWith("resnet")) { // a paper-size network evaluated on a whole data set: shrink both
                args.addAll(List.of("--set", "model.spec=resnet20:1x28x28:10:width=2", "--set",
                        "data.train=fashion-mnist:train[:64]", "--set", "data.test=fashion-mnist:test[:32]"));
            } else if (config.contains("mnist:train")) { // keep the evaluations tiny
                String set = config.contains("fashion-mnist:train") ? "fashion-mnist" : "mnist";
                args.addAll(List.of("--set", "data.train=" + set + ":train[:256]", "--set", "data.test=" + set + ":test[:128]"));
            }
            boolean cifar = config.contains("cifar");
            if (cifar) { // a CIFAR-format cache written by the test: 5 records per file
                System.setProperty(DataCache.PROPERTY, cifarCache.toString());
            }
            CliRun.Result r;
            try {
                r = CliRun.run(args.toArray(String[]::new));
            } finally {
                System.clearProperty(DataCache.PROPERTY);
            }
            assertEquals(0, r.code(), f + ": " + r.err());
            assertEquals("", r.err(), f.toString());
            assertTrue(r.out().startsWith("completed 4 steps in "), f + ": " + r.out());
            assertEquals(1, r.out().lines().count(), "quiet: only the summary");
            String status = Files.readString(out.resolve("status.json"));
            assertTrue(status.startsWith("{\"state\":\"completed\",\"step\":4,\"total_steps\":4,"), status);
            assertEquals(5, Files.readAllLines(out.resolve("metrics.jsonl")).size(), f.toString());
            assertTrue(Files.exists(out.resolve("metrics.csv")) && Files.exists(out.resolve("run.log"))
                    && Files.exists(out.resolve("checkpoints/step-000000004/model.safetensors")), f.toString());
            assertTrue(Files.readString(out.resolve("config.yaml")).contains("  steps: 4\n"), f.toString());
        }
    }

    @Test
    void plainProgressLinesWhenNotATerminal(@TempDir Path dir) {
        CliRun.Result r = CliRun.run("train", examples().resolve("two_moons.yaml").toString(), "--out", dir.resolve("r").toString(),
                "--set", "train.steps=40");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("starting two_moons in "), r.err());
        assertTrue(r.err().contains("\nstep 1/40  loss ") && r.err().contains("\nstep 40/40  loss "), r.err());
        assertEquals(1 + 20 + 3, r.err().lines().count(), "header, one line per 2 steps, the last step: " + r.err());
        assertTrue(r.out().startsWith("completed 40 steps in "), r.out());
    }

    @Test
    void badConfigsStopBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, """
                model: mlp:64-32-10:tanh
                data: digits
                lr: 0.1
                train: {batch_size: -3, steps: 10}
                """);
        Path out = dir.resolve("never");
        CliRun.Result r = CliRun.run("train", cfg.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("occam: " + cfg + ": train.batch_size: must be a positive integer, got -3\n", r.err());
        assertTrue(!Files.exists(out), "nothing was created");

        CliRun.Result s = CliRun.run("train", cfg.toString(), "--set", "train.batch_size=8", "--set", "optimizer.name=adamx");
        assertEquals("occam: " + cfg + ": optimizer.name: unknown value 'adamx'; allowed: sgd, momentum, nesterov, adam, adamw\n",
                s.err());

        CliRun.Result t = CliRun.run("train", cfg.toString(), "--set", "train.batch_size=8", "--set", "modle=mlp:1-1");
        assertEquals("occam: " + cfg + ": unknown field 'modle' at top level; allowed: model, data, loss, optimizer, lr,"
                + " regularizers, monitors, train, seed, dtype, threads, name\n", t.err());

        CliRun.Result u = CliRun.run("train", dir.resolve("missing.yaml").toString());
        assertEquals("occam: " + dir.resolve("missing.yaml") + ": no such config file\n", u.err());
    }

    @Test
    void resumeTakesOnlyTheFolder(@TempDir Path dir) {
        // train.steps=N alone is allowed since issue 17 (it continues a run: ResumeLongerTest); any other --set is refused.
        CliRun.Result r = CliRun.run("train", "--resume", dir.toString(), "--set", "lr=0.5");
        assertEquals(2, r.code());
        assertEquals("occam: --resume takes only the run folder (a resumed run uses its saved config.yaml, unchanged), or the"
                + " run folder and --set train.steps=N to continue it to N steps\n", r.err());
        CliRun.Result n = CliRun.run("train");
        assertEquals("occam: give a config file (./occam train CONFIG.yaml) or --resume DIR\n", n.err());
        CliRun.Result m = CliRun.run("train", "--resume", dir.toString());
        assertEquals("occam: " + dir + " is not a run folder (it has no config.yaml)\n", m.err());
    }

    private static long lines(Path f) throws IOException {
        if (!Files.exists(f)) {
            return 0;
        }
        try (Stream<String> s = Files.lines(f)) {
            return s.count();
        }
    }

    /**
     * The real thing: {@code occam train} in a separate JVM, killed with SIGKILL once its first
     * checkpoint is on disk and a few rows after it are written, then {@code --resume}d. The final parameters (read from the last
     * checkpoint with Safetensors.read) and metrics.jsonl equal an uninterrupted run's, bit for bit.
     */
    @Test
    void killedRunResumesBitIdentically(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("kill.yaml");
        Files.writeString(cfg, """
                model: mlp:64-64-10:tanh
                data: digits
                optimizer: {name: adam}
                lr: {name: cosine, base: 0.003, warmup: 20}
                train: {batch_size: 32, steps: 1500, eval_every: 250, checkpoint_every: 25}
                seed: 7
                """);
        Path killed = dir.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train", cfg.toString(), "--out", killed.toString(), "--quiet"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
        Path latest = killed.resolve("checkpoints/latest");
        Path metrics = killed.resolve("metrics.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // Kill once the first checkpoint (step 25) exists and some rows after it were written, so the
        // resume must also drop those rows from metrics.jsonl.
        while (!(Files.exists(latest) && lines(metrics) >= 35) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(latest), "no checkpoint appeared: " + Files.readString(dir.resolve("child.out")));
        String status = Files.readString(killed.resolve("status.json"));
        assertTrue(status.startsWith("{\"state\":\"running\""), "the child was killed mid-run: " + status);
        assertTrue(!Files.exists(killed.resolve("checkpoints/step-000001500")));
        String step = Files.readString(latest).trim();
        assertTrue(lines(metrics) > Long.parseLong(step.substring(5)), "rows past the checkpoint " + step + " to drop");

        CliRun.Result resumed = CliRun.run("train", "--resume", killed.toString(), "--quiet");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().startsWith("completed 1500 steps"), resumed.out());
        assertTrue(Files.readString(killed.resolve("run.log")).contains("resuming kill at step "));

        Path straight = dir.resolve("straight");
        assertEquals(0, CliRun.run("train", cfg.toString(), "--out", straight.toString(), "--quiet").code());

        Params a = Safetensors.read(straight.resolve("checkpoints/step-000001500/model.safetensors"));
        Params b = Safetensors.read(killed.resolve("checkpoints/step-000001500/model.safetensors"));
        assertEquals(a.names(), b.names());
        for (String n : a.names()) {
            float[] x = a.get(n).toFloatArray();
            float[] y = b.get(n).toFloatArray();
            for (int i = 0; i < x.length; i++) {
                assertEquals(Float.floatToRawIntBits(x[i]), Float.floatToRawIntBits(y[i]), n + "[" + i + "]");
            }
        }
        List<String> rows = Files.readAllLines(killed.resolve("metrics.jsonl"));
        assertEquals(1501, rows.size(), "no step twice, none missing");
        assertEquals(Files.readString(straight.resolve("metrics.jsonl")), Files.readString(killed.resolve("metrics.jsonl")));
        assertEquals(Files.readString(straight.resolve("config.yaml")), Files.readString(killed.resolve("config.yaml")));
    }
}
