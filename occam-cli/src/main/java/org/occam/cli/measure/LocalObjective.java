package org.occam.cli.measure;

import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.GradientStats;
import org.occam.measure.LinearOperator;
import org.occam.nn.Losses;
import org.occam.nn.Model;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * The objective on one batch in this JVM: what every metric of {@code occam measure} can use,
 * including those that need the model and the batch themselves (drift ratio, GC by Hutchinson, the
 * Gauss-Newton matrix, the spectral density).
 *
 * @param net       the model (bound to its measurement mode)
 * @param objective the loss of the model
 * @param params    the parameters
 * @param batch     the whole data set
 * @param lossName  the --loss name (for the output-space loss of the Gauss-Newton matrix)
 */
public record LocalObjective(Model net, Objective objective, Params params, Batch batch, String lossName)
        implements MeasuredObjective {

    /** θ ↦ L(θ) on the batch. */
    public Function<Params, Tensor> f() {
        return q -> objective.loss(q, batch);
    }

    @Override
    public double loss() {
        return f().apply(params).item();
    }

    @Override
    public double accuracy() {
        return Losses.accuracy(net.apply(params, batch.x()), batch.y());
    }

    @Override
    public double gradNormSquared() {
        return GradientStats.gradNormSquared(f(), params);
    }

    @Override
    public double geometricComplexity() {
        return GeometricComplexity.exact(net, params, batch.x()).item();
    }

    @Override
    public LinearOperator hessian() {
        return LinearOperator.hessian(f(), params);
    }

    @Override
    public boolean sharded() {
        return false;
    }
}
