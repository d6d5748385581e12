package org.occam.cli.measure;

import org.occam.autodiff.Params;
import org.occam.measure.LinearOperator;
import org.occam.shard.ShardedObjective;

/**
 * A sharded objective at fixed parameters (docs/sharded-objective.md): loss, accuracy, gradient and
 * GC are reductions over the chunks; the Hessian operator sums the chunks' HVPs.
 *
 * @param f      the sharded objective
 * @param params the parameters
 */
public record ShardedView(ShardedObjective f, Params params) implements MeasuredObjective {

    @Override
    public double loss() {
        return f.loss(params);
    }

    @Override
    public double accuracy() {
        return f.accuracy(params);
    }

    @Override
    public double gradNormSquared() {
        double g2 = 0;
        for (double x : f.gradient(params).gradient()) {
            g2 += x * x;
        }
        return g2;
    }

    @Override
    public double geometricComplexity() {
        return f.geometricComplexity(params);
    }

    @Override
    public LinearOperator hessian() {
        return f.hessian(params);
    }

    @Override
    public boolean sharded() {
        return true;
    }
}
