package org.occam.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.config.Configs;
import org.occam.cli.run.Progress;
import org.occam.cli.run.Runner;

/**
 * The dashboard in a real browser: headless Chromium loads the page while a run trains (paused
 * and resumed by the test through the runner's row tap), and the loss chart must gain exactly the
 * rows written in between; a diverged run must show as diverged. Skipped when Chromium is absent.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("OCCAM_CHROMIUM", "/usr/bin/chromium"));

    private static String config(double lr, long steps) {
        return """
                model: mlp:64-16-10:tanh
                data: digits
                loss: cross_entropy
                optimizer: sgd
                lr: %s
                train:
                  batch_size: 32
                  steps: %d
                  eval_every: 10
                  checkpoint_every: 0
                  divergence_bound: 100.0
                seed: 1
                """.formatted(lr, steps);
    }

    @Test
    void theLossChartGainsPointsWhileARunTrainsAndADivergedRunShowsAsDiverged(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not found at " + CHROMIUM
                + " (apt-get install chromium, or set OCCAM_CHROMIUM): the browser test is skipped");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Runner.Options plain = new Runner.Options(Progress.Mode.QUIET, quiet, quiet);
        Runner.start(Configs.parseRun(config(1e6, 50), "diverged.yaml", "diverged", dir, List.of()),
                dir.resolve("diverged"), plain);
        assertTrue(Files.readString(dir.resolve("diverged/status.json")).contains("\"state\":\"diverged\""));

        Semaphore permits = new Semaphore(0);
        Runner.Options gated = new Runner.Options(Progress.Mode.QUIET, quiet, quiet, row -> permits.acquireUninterruptibly());
        Path live = dir.resolve("live");
        Thread training = new Thread(() -> Runner.start(Configs.parseRun(config(0.1, 200), "live.yaml", "live", dir,
                List.of()), live, gated));
        training.start();
        try (DashboardServer server = DashboardServer.start(new RunStore(dir), "127.0.0.1", 0)) {
            permits.release(29); // the 30th row is written, then its tap waits
            int first = awaitRows(live, 30);
            String dom1 = dump(server.uri().toString());
            permits.release(60);
            int second = awaitRows(live, 90);
            String dom2 = dump(server.uri().toString());
            assertEquals(first, points(dom1, "loss", "live"), "the loss chart shows every row written so far");
            assertEquals(second, points(dom2, "loss", "live"), "after the run advanced, the chart shows the new rows too");
            assertTrue(second > first);
            assertTrue(dom2.contains("<tr data-path=\"diverged\" data-state=\"diverged\">"), "the diverged run is listed as diverged");
            assertTrue(dom2.contains("<span class=\"badge diverged\">diverged</span>"));
            assertTrue(dom2.contains("<tr data-path=\"live\" data-state=\"running\">"), "the live run is listed as running");
        } finally {
            permits.release(1_000);
            training.join(120_000);
        }
        assertTrue(Files.readString(live.resolve("status.json")).contains("\"state\":\"completed\""));
    }

    /** Waits until the run's metrics file holds exactly {@code n} rows (the gate stops it there) and returns n. */
    private static int awaitRows(Path run, int n) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            Path f = run.resolve("metrics.jsonl");
            if (Files.exists(f) && Files.readAllLines(f).size() >= n) {
                Thread.sleep(300); // the gate holds the run here: nothing more is written
                int rows = Files.readAllLines(f).size();
                assertEquals(n, rows, "the gated run wrote past its permits");
                return rows;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not reach " + n + " rows in 60 s");
    }

    /** The page as Chromium renders it after its scripts ran (and polled) for a few seconds of virtual time. */
    private static String dump(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("occam-chromium");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=4000", "--dump-dom", url));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The points of {@code run} on the chart of {@code key} (the chart lists "run=count;..." in data-points). */
    private static int points(String dom, String key, String run) {
        Matcher m = Pattern.compile("data-key=\"" + Pattern.quote(key) + "\"[^>]*data-points=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "no chart for " + key + " in the page:\n" + dom.substring(0, Math.min(dom.length(), 3000)));
        for (String entry : m.group(1).split(";")) {
            if (entry.startsWith(run + "=")) {
                return Integer.parseInt(entry.substring(run.length() + 1));
            }
        }
        throw new AssertionError("run " + run + " is not on the " + key + " chart: " + m.group(1));
    }
}
