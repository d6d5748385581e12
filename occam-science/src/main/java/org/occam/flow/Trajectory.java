package org.occam.flow;

/**
 * One path sampled at the times t_k = kh of a side-by-side comparison ({@link SideBySide}).
 *
 * @param name        the flow's name ("gd" for the iterates themselves)
 * @param times       t_k = kh, k = 0 … n
 * @param theta       theta[k] = θ(t_k) (the real part for the complex PF); NaN after an early stop
 * @param loss        E(θ(t_k))
 * @param distance    ‖θ(t_k) − θ_k‖ to the k-th iterate (0 for the iterates themselves)
 * @param accepted    accepted integrator steps (0 for the iterates)
 * @param rejected    rejected integrator steps
 * @param evaluations vector-field evaluations
 * @param stopReason  null when the whole span was integrated, else why the integration stopped
 */
public record Trajectory(String name, double[] times, double[][] theta, double[] loss, double[] distance,
        int accepted, int rejected, long evaluations, String stopReason) {

    /**
     * The largest distance to the iterates (NaN when any distance is NaN).
     *
     * @return the largest distance
     */
    public double maxDistance() {
        double m = 0;
        for (double d : distance) {
            m = Double.isNaN(d) ? d : Math.max(m, d);
            if (Double.isNaN(m)) {
                return m;
            }
        }
        return m;
    }

    /**
     * The k at which the distance is largest (the first NaN, if any).
     *
     * @return k
     */
    public int argMaxDistance() {
        int best = 0;
        for (int k = 0; k < distance.length; k++) {
            if (Double.isNaN(distance[k])) {
                return k;
            }
            if (distance[k] > distance[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * θ at the last time.
     *
     * @return θ at t = nh
     */
    public double[] last() {
        return theta[theta.length - 1].clone();
    }

    /**
     * Number of recorded times (n + 1).
     *
     * @return n + 1
     */
    public int size() {
        return times.length;
    }
}
