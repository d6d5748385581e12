package org.occam.multitask;

import org.occam.data.Dataset;
import org.occam.data.TeacherMlp;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Multi-task regression data for METHODS §6: K related teacher networks on shared Gaussian
 * inputs, one target column each, with a knob for how much the tasks share.
 */
public final class MultitaskData {
    private MultitaskData() {
    }

    /**
     * n inputs x ~ N(0, I_inputs) with targets y_k = t_k(x) + noise, where t_k is a tanh teacher
     * ({@link TeacherMlp}) whose first-layer weights are s_k·√|ρ|·W_shared + √(1 − |ρ|)·W_k
     * (W_shared, W_k independent teachers' weights, s_0 = +1 and s_k = sign ρ for k ≥ 1) and whose
     * readout is its own. Task 0 and every other task then have first-layer weight correlation ρ:
     * ρ = 1 gives tasks on the same features, ρ = 0 independent tasks, ρ &lt; 0 anti-correlated
     * features (tasks k, l ≥ 1 correlate by |ρ| among themselves).
     *
     * @param n the number of rows
     * @param inputs the input dimension
     * @param hidden the teachers' hidden width
     * @param tasks K
     * @param relatedness ρ in [−1, 1]
     * @param noise the std of the target noise
     * @param rng the generator
     * @return the data set
     */
    public static Dataset relatedTeachers(int n, int inputs, int hidden, int tasks, double relatedness, double noise, Rng rng) {
        if (n < 1 || inputs < 1 || hidden < 1 || tasks < 1) {
            throw new IllegalArgumentException("n, inputs, hidden and tasks must be positive, got " + n + ", " + inputs + ", "
                    + hidden + ", " + tasks);
        }
        if (!(relatedness >= -1 && relatedness <= 1)) {
            throw new IllegalArgumentException("relatedness must be in [-1, 1], got " + relatedness);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and non-negative, got " + noise);
        }
        TeacherMlp shared = TeacherMlp.random(inputs, hidden, 1, rng);
        TeacherMlp[] teachers = new TeacherMlp[tasks];
        double common = Math.sqrt(Math.abs(relatedness));
        double own = Math.sqrt(1 - Math.abs(relatedness));
        for (int k = 0; k < tasks; k++) {
            TeacherMlp t = TeacherMlp.random(inputs, hidden, 1, rng);
            double sign = k == 0 || relatedness >= 0 ? 1 : -1;
            Tensor w1 = shared.w1().mul(sign * common).add(t.w1().mul(own));
            teachers[k] = new TeacherMlp(w1, t.b1(), t.w2(), t.b2());
        }
        double[] x = new double[n * inputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        Tensor xs = Tensor.wrap(x, n, inputs);
        double[] y = new double[n * tasks];
        for (int k = 0; k < tasks; k++) {
            double[] f = teachers[k].apply(xs).toDoubleArray();
            for (int i = 0; i < n; i++) {
                y[i * tasks + k] = f[i] + noise * rng.nextGaussian();
            }
        }
        return Dataset.regression("related-teachers(n=" + n + ", tasks=" + tasks + ", relatedness=" + relatedness
                + ", noise=" + noise + ")", xs, Tensor.wrap(y, n, tasks));
    }
}
