package org.occam.shard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.Hessians;
import org.occam.measure.LinearOperator;
import org.occam.nn.Mode;
import org.occam.nn.ModelState;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/** The sharded objective on this JVM against the unchunked full batch, and the tree sum's invariance. */
class ShardedObjectiveTest {
    static final String SPEC = "mlp:64-12-10:tanh";
    static final Dataset DATA = Datasets.digits().asType(DType.FLOAT64).slice(0, 200);

    static ShardedObjective sharded(int chunk) {
        ShardProblem problem = ShardProblem.of(SPEC, "cross_entropy", DType.FLOAT64, Mode.EVAL, ModelState.empty(), DATA.size());
        return ShardedObjective.on(new LocalChunks(problem, Chunk.of(DATA, chunk)));
    }

    static Params init() {
        return Models.parse(SPEC).init(Rng.seed(3), DType.FLOAT64);
    }

    @Test
    void treeSumHasOneShapeForEveryPartitioning() {
        int c = 13;
        Rng rng = Rng.seed(1);
        List<double[]> leaves = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            leaves.add(rng.normal(DType.FLOAT64, 0, 1e3, 5).toDoubleArray());
        }
        double[] whole = TreeSum.sum(c, leaves::get);
        double[] byHand = new double[5];
        for (int i = 0; i < 5; i++) {
            double[] l = new double[c];
            for (int k = 0; k < c; k++) {
                l[k] = leaves.get(k)[i];
            }
            byHand[i] = ((((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7])))
                    + (((l[8] + l[9]) + (l[10] + l[11])) + l[12]));
        }
        assertArrayEquals(byHand, whole);
        for (int parts : new int[] {1, 2, 7, 13}) {
            List<TreeSum.Node> nodes = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int from = p * c / parts;
                int to = (p + 1) * c / parts;
                nodes.addAll(TreeSum.partial(c, java.util.stream.IntStream.range(from, to).toArray(), leaves::get));
            }
            assertArrayEquals(whole, TreeSum.combine(c, nodes), parts + " partitions");
        }
        // Chunks scattered over partitions (even/odd), not only contiguous runs.
        List<TreeSum.Node> nodes = new ArrayList<>(TreeSum.partial(c, new int[] {0, 2, 4, 6, 8, 10, 12}, leaves::get));
        nodes.addAll(TreeSum.partial(c, new int[] {11, 9, 7, 5, 3, 1}, leaves::get));
        assertArrayEquals(whole, TreeSum.combine(c, nodes));
        assertThrows(IllegalStateException.class, () -> TreeSum.combine(c, TreeSum.partial(c, new int[] {0, 1}, leaves::get)));
    }

    @Test
    void agreesWithTheUnchunkedFullBatchToRoundOff() {
        Sequential net = Models.parse(SPEC);
        Batch all = DATA.all();
        Function<Params, Tensor> f = q -> Objective.crossEntropy(net).loss(q, all);
        Params p = init();
        Params v = Models.parse(SPEC).init(Rng.seed(4), DType.FLOAT64);
        ShardedObjective s = sharded(16);
        assertEquals(13, s.runner().chunks());

        Autodiff.ValueAndGrad vg = Autodiff.valueAndGrad(f).apply(p);
        ShardedObjective.Gradient g = s.gradient(p);
        assertEquals(vg.value().item(), g.value(), 1e-12 * Math.abs(vg.value().item()));
        assertEquals(vg.value().item(), s.loss(p), 1e-12 * Math.abs(vg.value().item()));
        assertClose(vg.grad().flatten().toDoubleArray(), g.gradient(), 1e-12);
        assertClose(Autodiff.hvp(f, p, v).flatten().toDoubleArray(), s.hvp(p, v).flatten().toDoubleArray(), 1e-12);
        double gc = GeometricComplexity.exact(net, p, all.x()).item();
        assertEquals(gc, s.geometricComplexity(p), 1e-12 * gc);

        // One chunk holding everything: weight 1, a single leaf: the unchunked path's bits.
        ShardedObjective one = sharded(DATA.size());
        assertArrayEquals(vg.grad().flatten().toDoubleArray(), one.gradient(p).gradient());

        double[] top = Hessians.lanczos(LinearOperator.hessian(f, p), 5, 40, Rng.seed(7)).eigenvalues();
        double[] topSharded = Hessians.lanczos(s.hessian(p), 5, 40, Rng.seed(7)).eigenvalues();
        assertClose(top, topSharded, 1e-10);
    }

    @Test
    void fullBatchObjectiveRefusesMiniBatches() {
        Sequential net = Models.parse(SPEC);
        FullBatchObjective o = new FullBatchObjective(Objective.crossEntropy(net), sharded(64));
        String msg = assertThrows(IllegalArgumentException.class, () -> o.valueAndGrad(init(), DATA.slice(0, 50).all()))
                .getMessage();
        assertTrue(msg.contains("train.batch_size: full"), msg);
        Autodiff.ValueAndGrad vg = o.valueAndGrad(init(), DATA.all());
        assertArrayEquals(sharded(64).gradient(init()).gradient(), vg.grad().flatten().toDoubleArray());
    }

    @Test
    void refusesBatchStatisticsPerChunk() {
        String msg = assertThrows(IllegalArgumentException.class, () -> ShardProblem.of("resnet20:1x8x8:10:width=2",
                "cross_entropy", DType.FLOAT64, Mode.TRAIN, null, 10)).getMessage();
        assertTrue(msg.contains("eval mode"), msg);
        // Eval mode without loaded buffers: the model's initial running statistics, as unsharded.
        String spec = "resnet20:1x8x8:10:width=2";
        Dataset d = DATA.slice(0, 10).withSampleShape(1, 8, 8);
        ShardProblem eval = ShardProblem.of(spec, "cross_entropy", DType.FLOAT64, Mode.EVAL, null, d.size());
        Sequential net = Models.parse(spec);
        Params p = net.init(Rng.seed(0), DType.FLOAT64);
        double want = Objective.crossEntropy(net.bind(net.initState(DType.FLOAT64), Mode.EVAL)).loss(p, d.all()).item();
        assertEquals(want, ShardedObjective.on(new LocalChunks(eval, Chunk.of(d, 4))).loss(p), 1e-12 * want);
    }

    static void assertClose(double[] want, double[] got, double rel) {
        assertEquals(want.length, got.length);
        double d = 0;
        double n = 0;
        for (int i = 0; i < want.length; i++) {
            d = Math.max(d, Math.abs(want[i] - got[i]));
            n = Math.max(n, Math.abs(want[i]));
        }
        assertTrue(d <= rel * n, "max difference " + d + " > " + rel + " x " + n);
    }
}
