package org.occam.lab.gc1;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.data.Synthetic;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.ClaimPages;
import org.occam.lab.run.EndMeasures;
import org.occam.lab.run.RunPool;
import org.occam.lab.seeds.Seeds;
import org.occam.measure.GeometricComplexity;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.regularize.GeometricComplexityPenalty;
import org.occam.regularize.L2Penalty;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.MetricsSink;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.StopCondition;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/**
 * GC-1 of METHODS §11: geometric complexity of 1-D regression fits. Trains every configuration of
 * the four sweeps of {@link Gc1Setting} on every seed through the {@link Trainer} (float64), with a
 * monitor of the training MSE, GC on the data and the arc length every few steps, and compares the
 * runs where their training MSE first reaches the target ({@link Gc1Claims}).
 */
public final class Gc1 {
    /** Metric names of the GC-1 monitor. */
    static final String MSE = "train_mse";
    static final String GC = "gc_data";
    static final String ARC = "arc_length";
    /** The data's fixed seed: every seed fits the same points. */
    static final long DATA_SEED = 2021;

    private Gc1() {
    }

    private record Task(Gc1Config config, long seed) {
    }

    /**
     * The training points of a setting (x ~ U[−π, π], targets sin x + noise), float64, the same for every seed.
     *
     * @param s the settings
     * @return the training points
     */
    public static Dataset data(Gc1Setting s) {
        return Synthetic.sine(s.points(), s.noise(), Rng.seed(DATA_SEED)).asType(DType.FLOAT64);
    }

    /**
     * The distinct configurations of the four sweeps, baseline first.
     *
     * @param s the settings
     * @return the configurations
     */
    public static List<Gc1Config> configs(Gc1Setting s) {
        Set<Gc1Config> out = new LinkedHashSet<>();
        out.add(baseline(s));
        for (double h : s.lrs()) {
            out.add(new Gc1Config(h, s.points(), 0, 0));
        }
        for (int b : s.batchSizes()) {
            out.add(new Gc1Config(s.lr(), b, 0, 0));
        }
        for (double l : s.l2()) {
            out.add(new Gc1Config(s.lr(), s.points(), l, 0));
        }
        for (double a : s.gcPenalty()) {
            out.add(new Gc1Config(s.lr(), s.points(), 0, a));
        }
        return new ArrayList<>(out);
    }

    /**
     * Full-batch GD at the baseline learning rate, no penalty.
     *
     * @param s the settings
     * @return the baseline configuration
     */
    public static Gc1Config baseline(Gc1Setting s) {
        return new Gc1Config(s.lr(), s.points(), 0, 0);
    }

    /** The id of the reproduction in reports and JSON. */
    public static final String ID = "GC-1";

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
    public static Outcome reproduce(Gc1Setting s, Seeds seeds, boolean quick, Path dir, Consumer<String> log)
            throws IOException {
        Gc1Setting t = s.withSeeds(seeds.fromZero("gc-1"));
        Gc1Result r = run(t, seeds.parallel(), log);
        return ClaimPages.outcome(ID, "GC-1: geometric complexity of 1-D regression fits",
                dir, quick, seeds.values(), Gc1Report.setting(r), r.claims(),
                Gc1Report.runs(r), r.seconds(), () -> Gc1Report.sections(r));
    }

    /**
     * Trains every (configuration, seed) ({@code parallel} at a time), logs one line each, and judges the claims.
     *
     * @param s the settings
     * @param parallel how many runs train at once
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Gc1Result run(Gc1Setting s, int parallel, Consumer<String> log) {
        long t0 = System.nanoTime();
        Sequential model = Models.parse(s.model());
        Dataset train = data(s);
        if (model.params().getFirst().fanIn() != 1) {
            throw new IllegalArgumentException("GC-1 model " + s.model() + " must take one input (1-D regression)");
        }
        List<Task> tasks = new ArrayList<>();
        for (long seed = 0; seed < s.seeds(); seed++) {
            for (Gc1Config c : configs(s)) {
                tasks.add(new Task(c, seed));
            }
        }
        List<Gc1Run> runs = RunPool.map(tasks, parallel, t -> {
            Gc1Run r = train(s, model, train, t.config(), t.seed());
            synchronized (log) {
                log.accept(String.format(Locale.ROOT, "seed %d  %-28s %s step %6d  mse %.4g  GC %.4g (init %.3g)"
                                + "  arc %.4f  [%.1fs]", r.seed(), r.config().label(), r.reached() ? "target at" : "NOT REACHED",
                        r.step(), r.trainMse(), r.gc(), r.gcInit(), r.arcLength(), r.seconds()));
            }
            return r;
        });
        Gc1Result partial = new Gc1Result(s, runs, List.of(), 0);
        return new Gc1Result(s, runs, Gc1Claims.of(partial), (System.nanoTime() - t0) / 1e9);
    }

    private static Gc1Run train(Gc1Setting s, Sequential model, Dataset train, Gc1Config c, long seed) {
        long t0 = System.nanoTime();
        Objective mse = Objective.mse(model);
        Objective objective = mse;
        if (c.l2() > 0) {
            objective = L2Penalty.of(objective, c.l2());
        }
        if (c.gcPenalty() > 0) {
            objective = GeometricComplexityPenalty.of(objective, model, c.gcPenalty());
        }
        TrainSpec spec = TrainSpec.of(c.batchSize(), s.maxSteps(), seed).withEvalEvery(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        MetricsSink monitored = row -> {
            if (row.get(MSE) instanceof Number) {
                rows.add(row);
            }
        };
        Trainer.run(new Trainer.Setup(model, model.init(Rng.seed(seed), DType.FLOAT64), objective, train, null, new Sgd(),
                LearningRateRule.of(Schedule.constant(c.lr())), spec, List.of(monitor(s)), monitored, null)
                .withStop(StopCondition.atMost(MSE, s.lossTarget())));
        List<double[]> curve = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            curve.add(new double[] {EndMeasures.number(r, "step"), EndMeasures.number(r, MSE), EndMeasures.number(r, GC),
                EndMeasures.number(r, ARC)});
        }
        double[] first = curve.getFirst();
        double[] last = curve.getLast();
        boolean reached = last[1] <= s.lossTarget();
        return new Gc1Run(c, seed, reached, (long) last[0], last[1], last[2], last[3], first[2], first[3], curve,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Training MSE over all points, GC on the points and the arc length over [−π, π], of the plain model. */
    static Monitor monitor(Gc1Setting s) {
        return Monitor.of(s.every(), ctx -> {
            Params p = ctx.params();
            Batch all = ctx.train().all();
            Map<String, Double> row = new LinkedHashMap<>();
            row.put(MSE, ctx.objective().base().loss(p, all).item());
            row.put(GC, GeometricComplexityPenalty.gc(ctx.model(), p, all.x()).item());
            row.put(ARC, GeometricComplexity.arcLength(ctx.model(), p, -Math.PI, Math.PI, s.gridPoints()));
            return row;
        });
    }
}
