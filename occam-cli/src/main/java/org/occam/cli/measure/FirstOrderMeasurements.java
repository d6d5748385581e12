package org.occam.cli.measure;

import java.util.List;
import org.occam.measure.Estimate;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.GradientStats;
import org.occam.tensor.Rng;

/** The metrics of {@code occam measure} that need no eigen-solver: loss, accuracy, gradient norm, drift ratio, GC. */
public final class FirstOrderMeasurements {
    private FirstOrderMeasurements() {
    }

    /** loss. */
    public static final Measurement LOSS = Measurement.anywhere(List.of("loss"),
            (run, k) -> run.put("loss", run.objective().loss()));

    /** accuracy. */
    public static final Measurement ACCURACY = Measurement.anywhere(List.of("accuracy"),
            (run, k) -> run.put("accuracy", run.objective().accuracy()));

    /** grad_norm ‖∇L‖ and r_ig = ‖∇L‖²/m. */
    public static final Measurement GRAD_NORM = Measurement.anywhere(List.of("grad_norm", "r_ig"), (run, k) -> {
        double g2 = run.objective().gradNormSquared();
        run.put("grad_norm", Math.sqrt(g2));
        run.put("r_ig", g2 / run.objective().params().numel());
    });

    /** drift_ratio ‖Hg‖/‖g‖ (one HVP). */
    public static final Measurement DRIFT_RATIO = Measurement.local(List.of("drift_ratio"), (run, k) -> {
        LocalObjective o = run.local();
        run.put("drift_ratio", GradientStats.driftRatio(o.f(), o.params()));
        run.addHvps(1);
    });

    /** gc: the exact geometric complexity. */
    public static final Measurement GC = Measurement.anywhere(List.of("gc"),
            (run, k) -> run.put("gc", run.objective().geometricComplexity()));

    /** gc_hutchinson and its standard error, from --probes probes seeded by seed + 2. */
    public static final Measurement GC_HUTCHINSON = Measurement.local(List.of("gc_hutchinson", "gc_hutchinson_stderr"),
            (run, k) -> {
                LocalObjective o = run.local();
                Estimate e = GeometricComplexity.hutchinson(o.net(), o.params(), o.batch().x(), run.options().probes(),
                        Rng.seed(run.options().seed() + 2));
                run.put("gc_hutchinson", e.mean());
                run.put("gc_hutchinson_stderr", e.stderr());
            });
}
