package org.occam.lab.landscape;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import org.occam.autodiff.Params;
import org.occam.landscape.FilterNormalized;
import org.occam.landscape.Interpolation;
import org.occam.landscape.Plane;
import org.occam.landscape.TrajectoryPca;
import org.occam.tensor.Rng;

/** Computes the landscape of a trained run from its recorded iterates (docs/landscapes.md). */
public final class LandscapeStudy {
    private LandscapeStudy() {
    }

    /**
     * The trajectory of a run: the step and parameters of every recorded iterate, first = initialization, last = final.
     *
     * @param steps the step of each iterate
     * @param iterates the parameters at those steps
     */
    public record Trajectory(long[] steps, List<Params> iterates) {
        /** Checks that there is one step per iterate and at least three iterates. */
        public Trajectory {
            iterates = List.copyOf(iterates);
            if (steps.length != iterates.size() || steps.length < 3) {
                throw new IllegalArgumentException("a trajectory needs at least 3 iterates with one step each, got "
                        + iterates.size() + " iterates and " + steps.length + " steps");
            }
            steps = steps.clone();
        }
    }

    /**
     * Runs the study. {@code trainLoss} (and {@code testLoss}, may be null) evaluate the loss of a
     * parameter set; {@code other} is a second solution to interpolate to, or null.
     *
     * @param s the settings
     * @param log receives progress lines
     * @param trainLoss the training loss of a parameter set
     * @param testLoss the test loss, or null
     * @param trajectory the run's iterates
     * @param other a second solution to interpolate to, or null
     * @param points interpolation points
     * @return the seed's runs
     */
    public static LandscapeResult run(ToDoubleFunction<Params> trainLoss, ToDoubleFunction<Params> testLoss,
                                      Trajectory trajectory, Params other, int points, LandscapeSetting s,
                                      Consumer<String> log) {
        long t0 = System.nanoTime();
        List<Params> its = trajectory.iterates();
        Params init = its.getFirst();
        Params last = its.getLast();
        double[] ts = lineGrid(s.linePoints());
        log.accept("interpolating initialization -> solution (" + ts.length + " points)");
        Interpolation line = Interpolation.between(trainLoss, init, last, ts);
        Interpolation lineTest = testLoss == null ? null : Interpolation.between(testLoss, init, last, ts);
        Interpolation toOther = other == null ? null : Interpolation.between(trainLoss, last, other, ts);
        double[] axis = Interpolation.linspace(-s.span(), s.span(), s.grid());
        log.accept("random filter-normalized slice (" + s.grid() + " x " + s.grid() + ")");
        Rng rng = Rng.seed(s.seed());
        Params d1 = FilterNormalized.direction(last, rng.split(1));
        Params d2 = FilterNormalized.direction(last, rng.split(2));
        Plane random = Plane.slice(trainLoss, last, d1, d2, axis, axis);
        log.accept("trajectory PCA plane (" + its.size() + " iterates, " + s.grid() + " x " + s.grid() + ")");
        TrajectoryPca pca = TrajectoryPca.of(its, last);
        Plane plane = Plane.slice(trainLoss, last, pca.d1(), pca.d2(), padded(pca.x(), s.grid()), padded(pca.y(), s.grid()));
        return new LandscapeResult(s, line, lineTest, toOther, random, plane, pca, trajectory.steps(), points,
                (System.nanoTime() - t0) / 1e9);
    }

    /** n evenly spaced points over [−0.25, 1.25], with t = 0 and t = 1 (the two end points) added when missing. */
    static double[] lineGrid(int n) {
        double[] t = Interpolation.linspace(-0.25, 1.25, n);
        DoubleStream extra = DoubleStream.of(0.0, 1.0).filter(v -> Arrays.stream(t).noneMatch(x -> x == v));
        return DoubleStream.concat(Arrays.stream(t), extra).sorted().toArray();
    }

    /** n points covering the coordinates (and 0) with a 15 % margin on each side. */
    static double[] padded(double[] c, int n) {
        double lo = 0;
        double hi = 0;
        for (double v : c) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double m = 0.15 * Math.max(hi - lo, 1e-12);
        return Interpolation.linspace(lo - m, hi + m, n);
    }
}
