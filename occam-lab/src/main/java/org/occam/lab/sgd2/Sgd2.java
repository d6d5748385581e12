package org.occam.lab.sgd2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.occam.data.TrainTest;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.ClaimPages;
import org.occam.lab.run.AtLossTarget;
import org.occam.lab.run.EndMeasures;
import org.occam.lab.run.RunPool;
import org.occam.lab.run.SgdTraining;
import org.occam.lab.seeds.Seeds;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.train.MetricsSink;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.Trainer;
import org.occam.lab.report.Rates;

/**
 * SGD-2 of METHODS §11 (Smith, Dherin, Barrett &amp; De 2021, §2.1): the implicit regularizer of
 * SGD with random reshuffling has strength ∝ ε/B, so runs sharing ε/B should end alike (GC,
 * λ_max, test accuracy, ‖∇C‖²) and regularization should grow with ε/B. Trains every (ε/B, B, seed)
 * and judges the claims of {@link Sgd2Claims}.
 */
public final class Sgd2 {
    private Sgd2() {
    }

    private record Task(double ratio, int batchSize, long seed) {
    }

    /** The id of the reproduction in reports and JSON. */
    public static final String ID = "SGD-2";

    /**
     * Runs {@code s} over {@code seeds} (0..N−1, {@code seeds.parallel()} runs at a time), writes
     * results.csv, summary.txt and report.html into {@code dir} and returns the judged claims.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     * @throws IOException when writing fails
     */
    public static Outcome reproduce(Sgd2Setting s, Seeds seeds, boolean quick, Path dir, Consumer<String> log)
            throws IOException {
        Sgd2Setting t = s.withSeeds(seeds.fromZero("sgd-2"));
        Sgd2Result r = run(t, seeds.parallel(), log);
        return ClaimPages.outcome(ID, "SGD-2: runs with equal eps/B cluster, and regularization grows with eps/B",
                dir, quick, seeds.values(), Sgd2Report.setting(r), r.claims(),
                Sgd2Report.runs(r), r.seconds(), () -> Sgd2Report.sections(r));
    }

    /**
     * Trains every run ({@code parallel} at a time), logs one line each, and judges the claims.
     *
     * @param s the settings
     * @param parallel how many runs train at once
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Sgd2Result run(Sgd2Setting s, int parallel, Consumer<String> log) {
        long t0 = System.nanoTime();
        TrainTest data = s.data().load();
        SgdTraining.requireInputs(Models.parse(s.model()), data.train(), "SGD-2");
        List<Task> tasks = new ArrayList<>();
        for (long seed = 0; seed < s.seeds(); seed++) {
            for (double r : s.ratios()) {
                for (int b : s.batchSizes()) {
                    tasks.add(new Task(r, b, seed));
                }
            }
        }
        List<Sgd2Run> runs = RunPool.map(tasks, parallel, t -> {
            Sgd2Run r = train(s, data, t);
            synchronized (log) {
                log.accept(String.format(Locale.ROOT, "seed %d  h/B = %s  B = %3d  %s  %5d steps%s  train loss %.4f"
                                + "  test acc %.4f  GC %.4g  lambda_max %.4g  |g|^2 %.3g; at loss target (step %d) GC %.4g"
                                + " lambda_max %.4g  [%.1fs]", r.seed(), Rates.num(r.ratio()), r.batchSize(), Rates.h(r.lr()), r.steps(),
                        r.diverged() ? " DIVERGED" : "", r.trainLoss(), r.testAccuracy(), r.atEnd().gc(),
                        r.atEnd().sharpness(), r.atEnd().gradNormSquared(), r.targetStep(), r.atTarget().gc(),
                        r.atTarget().sharpness(), r.seconds()));
            }
            return r;
        });
        return new Sgd2Result(s, s.data().describe(data), runs, Sgd2Claims.of(runs, s, data.test().size()),
                (System.nanoTime() - t0) / 1e9);
    }

    private static Sgd2Run train(Sgd2Setting s, TrainTest data, Task t) {
        long t0 = System.nanoTime();
        Sequential model = Models.parse(s.model());
        double lr = t.ratio() * t.batchSize();
        long steps = SgdTraining.steps(data.train().size(), t.batchSize(), s.epochs());
        Monitor measures = EndMeasures.monitor((int) Math.min(Integer.MAX_VALUE, steps), s.lanczosSteps());
        AtomicReference<Map<String, Object>> first = new AtomicReference<>();
        AtomicReference<Map<String, Object>> match = new AtomicReference<>();
        MetricsSink sink = row -> {
            first.compareAndSet(null, row);
            if (row.containsKey(AtLossTarget.STEP)) {
                match.set(row);
            }
        };
        int quarter = (int) Math.max(1, steps / s.epochs() / 4);
        Trainer.Result res = SgdTraining.run(model, Objective.crossEntropy(model), data.train(), data.test(),
                t.batchSize(), lr, s.epochs(), t.seed(), DType.FLOAT32,
                List.of(measures, new AtLossTarget(quarter, s.lossTarget(), s.lanczosSteps())), sink);
        boolean diverged = res.status().state() == RunStatus.State.DIVERGED;
        Map<String, Object> last = res.lastMetrics();
        return new Sgd2Run(t.ratio(), t.batchSize(), lr, t.seed(), diverged ? res.status().step() : steps, diverged,
                diverged ? Double.NaN : EndMeasures.number(last, "train_loss"),
                diverged ? Double.NaN : EndMeasures.number(last, "test_accuracy"),
                EndMeasures.of(first.get()), diverged ? EndMeasures.of(Map.of()) : EndMeasures.of(last),
                match.get() == null ? -1 : (long) EndMeasures.number(match.get(), AtLossTarget.STEP),
                AtLossTarget.of(match.get()), (System.nanoTime() - t0) / 1e9);
    }
}
