package org.occam.maxmargin;

/** The margin losses ℓ(z) of a linear classifier, z = y wᵀx (docs/max-margin.md), evaluated stably. */
public enum LinearLoss {
    /** ℓ(z) = log(1 + e^{−z}). */
    LOGISTIC,
    /** ℓ(z) = e^{−z}. */
    EXPONENTIAL;

    /**
     * ℓ(z).
     *
     * @param z the margin
     * @return the loss
     */
    public double value(double z) {
        return switch (this) {
            case LOGISTIC -> z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
            case EXPONENTIAL -> Math.exp(-z);
        };
    }

    /**
     * ℓ'(z).
     *
     * @param z the margin
     * @return the derivative
     */
    public double derivative(double z) {
        return switch (this) {
            case LOGISTIC -> z > 0 ? -Math.exp(-z) / (1 + Math.exp(-z)) : -1 / (1 + Math.exp(z));
            case EXPONENTIAL -> -Math.exp(-z);
        };
    }

    /**
     * L(w) = (1/n) Σ ℓ(y_i wᵀx_i).
     *
     * @param data the separable data
     * @param w the weights
     * @return the mean loss
     */
    public double loss(Separable data, double[] w) {
        double s = 0;
        for (double z : data.margins(w)) {
            s += value(z);
        }
        return s / data.size();
    }

    /**
     * ∇L(w) = (1/n) Σ ℓ'(z_i) y_i x_i.
     *
     * @param data the separable data
     * @param w the weights
     * @return the gradient
     */
    public double[] gradient(Separable data, double[] w) {
        double[] z = data.margins(w);
        double[] c = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            c[i] = derivative(z[i]) / z.length;
        }
        return data.combination(c);
    }

    /**
     * ∇L(w)/L(w), computed in log space so that it stays exact after L underflows: for the
     * exponential loss it is −Σ_i softmax(−z)_i y_i x_i. Only the exponential loss has this form.
     *
     * @param data the separable data
     * @param w the weights
     * @return ∇L(w)/L(w)
     */
    public double[] gradientOverLoss(Separable data, double[] w) {
        if (this != EXPONENTIAL) {
            throw new IllegalArgumentException("loss-scaled steps (grad L / L) are defined for the exponential loss, got "
                    + this);
        }
        double[] z = data.margins(w);
        double min = Double.POSITIVE_INFINITY;
        for (double v : z) {
            min = Math.min(min, v);
        }
        double[] c = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            c[i] = Math.exp(min - z[i]);
            sum += c[i];
        }
        for (int i = 0; i < z.length; i++) {
            c[i] = -c[i] / sum;
        }
        return data.combination(c);
    }

    /**
     * logistic or exponential.
     *
     * @param s the name
     * @return the loss
     */
    public static LinearLoss parse(String s) {
        return switch (s) {
            case "logistic" -> LOGISTIC;
            case "exponential", "exp" -> EXPONENTIAL;
            default -> throw new IllegalArgumentException("loss must be logistic or exponential, got '" + s + "'");
        };
    }
}
