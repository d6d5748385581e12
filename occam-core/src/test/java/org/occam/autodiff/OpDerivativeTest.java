package org.occam.autodiff;

import org.occam.tensor.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.occam.tensor.Ops;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * First and second derivatives of every op against central finite differences in float64, on
 * shapes that exercise broadcasting and non-contiguous views. Each op's output is reduced to a
 * scalar by a fixed random weighting, so every output element's derivative is checked.
 */
class OpDerivativeTest {

    /** One op under test: a function of named inputs, and the inputs' shapes and value ranges. */
    record Case(String name, Function<Tensor[], Tensor> op, int[][] shapes, double lo, double hi) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, Function<Tensor[], Tensor> op, double lo, double hi, int[]... shapes) {
        return new Case(name, op, shapes, lo, hi);
    }

    private static Case c(String name, Function<Tensor[], Tensor> op, int[]... shapes) {
        return c(name, op, -1.5, 1.5, shapes);
    }

    private static int[] s(int... d) {
        return d;
    }

    static Stream<Case> cases() {
        List<Case> l = new ArrayList<>();
        // elementwise, same shape and broadcast
        l.add(c("add broadcast", x -> x[0].add(x[1]), s(3, 4), s(4)));
        l.add(c("add broadcast both", x -> x[0].add(x[1]), s(3, 1), s(1, 4)));
        l.add(c("sub broadcast column", x -> x[0].sub(x[1]), s(2, 3, 4), s(2, 3, 1)));
        l.add(c("mul", x -> x[0].mul(x[1]), s(3, 4), s(3, 4)));
        l.add(c("mul scalar tensor", x -> x[0].mul(x[1]), s(3, 4), s()));
        l.add(c("mul middle broadcast", x -> x[0].mul(x[1]), s(2, 3, 4), s(2, 1, 4)));
        l.add(c("div", x -> x[0].div(x[1]), 0.5, 2.0, s(3, 4), s(4)));
        l.add(c("pow tensor", x -> x[0].pow(x[1]), 0.5, 2.0, s(3, 2), s(3, 2)));
        l.add(c("pow scalar 3", x -> x[0].pow(3), s(5)));
        l.add(c("pow scalar 0.5", x -> x[0].pow(0.5), 0.5, 2.0, s(5)));
        l.add(c("neg", x -> x[0].neg(), s(2, 3)));
        l.add(c("exp", x -> x[0].exp(), s(2, 3)));
        l.add(c("log", x -> x[0].log(), 0.3, 2.0, s(2, 3)));
        l.add(c("log1p", x -> x[0].log1p(), 0.0, 2.0, s(2, 3)));
        l.add(c("sqrt", x -> x[0].sqrt(), 0.3, 2.0, s(2, 3)));
        l.add(c("abs (away from 0)", x -> x[0].abs(), 0.2, 1.5, s(2, 3)));
        l.add(c("tanh", x -> x[0].tanh(), s(4, 5)));
        l.add(c("sigmoid", x -> x[0].sigmoid(), -3, 3, s(4, 5)));
        l.add(c("relu (away from kink)", x -> x[0].relu(), 0.2, 1.5, s(3, 3)));
        l.add(c("softplus", x -> x[0].softplus(), -3, 3, s(3, 3)));
        l.add(c("gelu", x -> x[0].gelu(), -3, 3, s(3, 3)));
        l.add(c("sin", x -> x[0].sin(), s(6)));
        l.add(c("cos", x -> x[0].cos(), s(6)));
        l.add(c("maximum", x -> x[0].maximum(x[1]), s(3, 4), s(4)));
        l.add(c("minimum", x -> x[0].minimum(x[1]), s(3, 4), s(3, 4)));
        l.add(c("where", x -> Ops.where(Ops.greater(x[0], x[1]), x[0].mul(x[1]), x[1].exp()), s(3, 4), s(4)));
        // reductions
        l.add(c("sum all", x -> x[0].sum().mul(x[0].sum()), s(3, 4)));
        l.add(c("sum axis 0", x -> x[0].sum(0), s(3, 4)));
        l.add(c("sum axes 0,2", x -> x[0].sum(0, 2), s(2, 3, 4)));
        l.add(c("sumKeep axis 1", x -> x[0].sumKeep(1).mul(x[0]), s(2, 3, 4)));
        l.add(c("mean", x -> x[0].mean(1), s(3, 4)));
        l.add(c("max axis", x -> x[0].max(1), s(3, 5)));
        l.add(c("max all", x -> x[0].max(), s(3, 5)));
        l.add(c("logsumexp", x -> x[0].logSumExp(1), -3, 3, s(3, 5)));
        l.add(c("softmax", x -> x[0].softmax(-1), -3, 3, s(3, 5)));
        l.add(c("log_softmax axis 0", x -> x[0].logSoftmax(0), -3, 3, s(4, 3)));
        // views and non-contiguous inputs
        l.add(c("reshape", x -> x[0].reshape(6, 2).tanh(), s(3, 4)));
        l.add(c("transpose then mul", x -> x[0].t().mul(x[1]), s(3, 4), s(4, 3)));
        l.add(c("permute 3d", x -> x[0].permute(2, 0, 1).exp(), s(2, 3, 4)));
        l.add(c("slice", x -> x[0].slice(1, 1, 3).sin(), s(3, 4)));
        l.add(c("slice of transpose", x -> x[0].t().slice(0, 1, 4).tanh(), s(3, 5)));
        l.add(c("expand", x -> x[0].expand(3, 4).mul(x[1]), s(1, 4), s(3, 4)));
        l.add(c("reshape of transpose", x -> x[0].t().reshape(12).exp(), s(3, 4)));
        l.add(c("unsqueeze squeeze", x -> x[0].unsqueeze(1).squeeze(1).mul(x[0]), s(3, 4)));
        l.add(c("concat", x -> Ops.concat(1, x[0], x[1].tanh()), s(2, 3), s(2, 2)));
        l.add(c("stack", x -> Ops.stack(0, x[0], x[1]).exp(), s(2, 3), s(2, 3)));
        l.add(c("index_select", x -> Ops.indexSelect(x[0], 0, 2, 0, 2).tanh(), s(3, 4)));
        l.add(c("gather", x -> Ops.gather(x[0], 1, new int[] {1, 0, 3, 3, 2, 1}, 3, 2).exp(), s(3, 4)));
        l.add(c("contiguous of view", x -> x[0].t().contiguous().exp(), s(3, 4)));
        l.add(c("cast round trip", x -> x[0].to(DType.FLOAT64).tanh(), s(3)));
        // linear algebra
        l.add(c("matmul", x -> x[0].matmul(x[1]), s(3, 4), s(4, 5)));
        l.add(c("matmul transposed views", x -> x[0].t().matmul(x[1].t()), s(4, 3), s(5, 4)));
        l.add(c("matmul batched broadcast", x -> x[0].matmul(x[1]), s(2, 3, 4), s(4, 2)));
        l.add(c("matmul vector", x -> x[0].matmul(x[1]), s(3, 4), s(4)));
        l.add(c("matmul vector left", x -> x[1].matmul(x[0]), s(3, 4), s(3)));
        l.add(c("conv2d", x -> Ops.conv2d(x[0], x[1], x[2], 1, 1), s(2, 2, 5, 4), s(3, 2, 3, 3), s(3)));
        l.add(c("conv2d stride 2", x -> Ops.conv2d(x[0], x[1], null, 2, 0), s(1, 2, 5, 5), s(2, 2, 2, 2)));
        l.add(c("max_pool2d", x -> Ops.maxPool2d(x[0], 2, 2, 0), s(2, 1, 4, 4)));
        l.add(c("avg_pool2d padded", x -> Ops.avgPool2d(x[0], 3, 2, 1), s(1, 2, 5, 5)));
        l.add(c("max_pool2d padded", x -> Ops.maxPool2d(x[0], 3, 2, 1), s(1, 1, 5, 5)));
        return l.stream();
    }

    /** The inputs as a tree named x0, x1, ..., and the op composed with a fixed weighting. */
    private static Function<Params, Tensor> scalarized(Case k, Tensor weights) {
        return p -> {
            Tensor[] xs = new Tensor[k.shapes().length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = p.get("x" + i);
            }
            Tensor out = k.op().apply(xs);
            return out.mul(weights.reshape(out.shape())).sum();
        };
    }

    private static Params inputs(Case k, Rng rng) {
        Object[] pairs = new Object[2 * k.shapes().length];
        for (int i = 0; i < k.shapes().length; i++) {
            pairs[2 * i] = "x" + i;
            pairs[2 * i + 1] = rng.uniform(DType.FLOAT64, k.lo(), k.hi(), k.shapes()[i]);
        }
        return Params.of(pairs);
    }

    private static Tensor weights(Case k, Params p, Rng rng) {
        Tensor[] xs = new Tensor[k.shapes().length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = p.get("x" + i);
        }
        int[] outShape = Recording.noGrad(() -> k.op().apply(xs)).shape();
        return rng.normal(DType.FLOAT64, 0, 1, outShape);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstDerivativeMatchesFiniteDifferences(Case k) {
        Rng rng = Rng.seed(k.name().hashCode());
        Params p = inputs(k, rng);
        Function<Params, Tensor> f = scalarized(k, weights(k, p, rng));
        GradCheck.checkGrad(k.name(), f, p, 1e-7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondDerivativeMatchesFiniteDifferences(Case k) {
        Rng rng = Rng.seed(k.name().hashCode() + 1L);
        Params p = inputs(k, rng);
        Function<Params, Tensor> f = scalarized(k, weights(k, p, rng));
        GradCheck.checkHvp(k.name(), f, p, 1e-6, 7);
    }
}
