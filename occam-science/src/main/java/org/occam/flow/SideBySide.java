package org.occam.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Discrete iterates and continuous flows side by side (METHODS §1.3 IGR-1, §4.1 PF-1/PF-2, §5
 * COR-1): run the iterates θ_0 … θ_n, integrate each flow from the same θ₀ over t ∈ [0, nh] with
 * {@link DormandPrince} (dense output at t = kh), and record at every t = kh the flow's θ, its loss
 * and its distance to θ_k.
 *
 * @param h         the learning rate
 * @param steps     n
 * @param reference the iterates (name "gd", or "hb" for heavy ball)
 * @param flows     one trajectory per flow, in the order given
 */
public record SideBySide(double h, int steps, Trajectory reference, List<Trajectory> flows) {

    /** Copies the list of flows. */
    public SideBySide {
        flows = List.copyOf(flows);
    }

    /**
     * The trajectory of the named flow.
     *
     * @param name the flow's name
     * @return its trajectory
     */
    public Trajectory flow(String name) {
        for (Trajectory t : flows) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no flow named '" + name + "' in this comparison; flows: "
                + flows.stream().map(Trajectory::name).toList());
    }

    /**
     * GD for n steps at rate h against the given flows.
     *
     * @param loss E
     * @param theta0 θ_0
     * @param h the learning rate
     * @param steps n
     * @param flows the flows to integrate
     * @param options the integrator's options
     * @return the comparison
     */
    public static SideBySide compare(Function<Params, Tensor> loss, Params theta0, double h, int steps, List<Flow> flows,
            DormandPrince.Options options) {
        return compare(loss, theta0, "gd", Descent.gd(loss, theta0, h, steps), h, flows, options);
    }

    /**
     * Given iterates θ_0 … θ_n (e.g. {@link Descent#heavyBall}) against the given flows.
     *
     * @param loss E
     * @param theta0 θ_0
     * @param referenceName the iterates' name, e.g. {@code hb}
     * @param iterates θ_0 … θ_n, flattened
     * @param h the learning rate
     * @param flows the flows to integrate
     * @param options the integrator's options
     * @return the comparison
     */
    public static SideBySide compare(Function<Params, Tensor> loss, Params theta0, String referenceName,
            double[][] iterates, double h, List<Flow> flows, DormandPrince.Options options) {
        int n = iterates.length - 1;
        if (n < 0) {
            throw new IllegalArgumentException("no iterates");
        }
        double[] times = DormandPrince.grid(0, h, n);
        Trajectory ref = trajectory(referenceName, loss, theta0, times, iterates, iterates, 0, 0, 0, null);
        double[] start = iterates[0];
        List<Trajectory> out = new ArrayList<>();
        for (Flow f : flows) {
            DormandPrince.Solution s = DormandPrince.solve(f, 0, f.lift(start), times, options);
            double[][] theta = new double[n + 1][];
            for (int k = 0; k <= n; k++) {
                theta[k] = f.theta(s.states()[k]);
            }
            out.add(trajectory(f.name(), loss, theta0, times, theta, iterates, s.accepted(), s.rejected(),
                    s.evaluations(), s.stopReason()));
        }
        return new SideBySide(h, n, ref, out);
    }

    private static Trajectory trajectory(String name, Function<Params, Tensor> loss, Params template, double[] times,
            double[][] theta, double[][] iterates, int accepted, int rejected, long evals, String stop) {
        int n = theta.length;
        double[] e = new double[n];
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            e[k] = DormandPrince.allFinite(theta[k]) ? loss.apply(Flow.params(template, theta[k])).item() : Double.NaN;
            double s = 0;
            for (int i = 0; i < theta[k].length; i++) {
                double diff = theta[k][i] - iterates[k][i];
                s += diff * diff;
            }
            d[k] = Math.sqrt(s);
        }
        return new Trajectory(name, times, theta, e, d, accepted, rejected, evals, stop);
    }
}
