package org.occam.lab.sgd3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.occam.data.TrainTest;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.ClaimPages;
import org.occam.lab.run.EndMeasures;
import org.occam.lab.run.RunPool;
import org.occam.lab.run.SgdTraining;
import org.occam.lab.seeds.Seeds;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.regularize.MicroBatchGradientRegularization;
import org.occam.tensor.DType;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.Trainer;

/**
 * SGD-3 of METHODS §11 (Smith, Dherin, Barrett &amp; De 2021, §2.2): a large batch at the small
 * batch's learning rate and epochs carries a weaker implicit regularizer and generalizes worse;
 * adding the explicit micro-batch regularizer should recover part of the gap. Trains the three
 * arms of {@link Arm} per seed and judges the claims of {@link Sgd3Claims}.
 */
public final class Sgd3 {
    private Sgd3() {
    }

    private record Task(Arm arm, long seed) {
    }

    /** The id of the reproduction in reports and JSON. */
    public static final String ID = "SGD-3";

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
    public static Outcome reproduce(Sgd3Setting s, Seeds seeds, boolean quick, Path dir, Consumer<String> log)
            throws IOException {
        Sgd3Setting t = s.withSeeds(seeds.fromZero("sgd-3"));
        Sgd3Result r = run(t, seeds.parallel(), log);
        return ClaimPages.outcome(ID, "SGD-3: the micro-batch regularizer against the large-batch gap",
                dir, quick, seeds.values(), Sgd3Report.setting(r), r.claims(),
                Sgd3Report.runs(r), r.seconds(), () -> Sgd3Report.sections(r));
    }

    /**
     * Trains every (seed, arm) run ({@code parallel} at a time), logs one line each, and judges the claims.
     *
     * @param s the settings
     * @param parallel how many runs train at once
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Sgd3Result run(Sgd3Setting s, int parallel, Consumer<String> log) {
        long t0 = System.nanoTime();
        TrainTest data = s.data().load();
        SgdTraining.requireInputs(Models.parse(s.model()), data.train(), "SGD-3");
        List<Task> tasks = new ArrayList<>();
        for (long seed = 0; seed < s.seeds(); seed++) {
            for (Arm a : Arm.values()) {
                tasks.add(new Task(a, seed));
            }
        }
        List<Sgd3Run> runs = RunPool.map(tasks, parallel, t -> {
            Sgd3Run r = train(s, data, t);
            synchronized (log) {
                log.accept(String.format(Locale.ROOT, "seed %d  %-26s B=%3d  %5d steps%s  train loss %.4f  test acc %.4f"
                                + "  GC %.4g  lambda_max %.4g  [%.1fs]", r.seed(), r.arm().words(), r.batchSize(), r.steps(),
                        r.diverged() ? " DIVERGED" : "", r.trainLoss(), r.testAccuracy(), r.atEnd().gc(),
                        r.atEnd().sharpness(), r.seconds()));
            }
            return r;
        });
        return new Sgd3Result(s, s.data().describe(data), runs, Sgd3Claims.of(runs, s, data.test().size()),
                (System.nanoTime() - t0) / 1e9);
    }

    private static Sgd3Run train(Sgd3Setting s, TrainTest data, Task t) {
        long t0 = System.nanoTime();
        Sequential model = Models.parse(s.model());
        Objective ce = Objective.crossEntropy(model);
        Objective objective = t.arm() == Arm.LARGE_REGULARIZED
                ? MicroBatchGradientRegularization.withMicroBatchSize(ce, s.lambda(), s.smallBatch()) : ce;
        int b = s.batchSize(t.arm());
        long steps = SgdTraining.steps(data.train().size(), b, s.epochs());
        Trainer.Result res = SgdTraining.run(model, objective, data.train(), data.test(), b, s.lr(), s.epochs(), t.seed(),
                DType.FLOAT32, List.of(EndMeasures.monitor((int) Math.min(Integer.MAX_VALUE, steps), s.lanczosSteps())),
                null);
        boolean diverged = res.status().state() == RunStatus.State.DIVERGED;
        Map<String, Object> last = diverged ? Map.of() : res.lastMetrics();
        return new Sgd3Run(t.arm(), t.seed(), b, diverged ? res.status().step() : steps, diverged,
                EndMeasures.number(last, "train_loss"), EndMeasures.number(last, "test_accuracy"), EndMeasures.of(last),
                (System.nanoTime() - t0) / 1e9);
    }
}
