package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.measure.GradientStats;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/** The Γ decomposition of the SGD modified loss (METHODS §2.1), exactly over all partitions. */
class SgdModifiedLossTest {
    static final Objective MSE = Objective.mse(Fixtures.MLP);
    static final Dataset DATA = Fixtures.data();
    static final Params P = Fixtures.params();

    /** Every partition of {0..n-1} into blocks of size b (each equally likely under random shuffling). */
    static List<int[][]> partitions(int n, int b) {
        List<int[][]> out = new ArrayList<>();
        build(new boolean[n], new ArrayList<>(), b, out);
        return out;
    }

    private static void build(boolean[] used, List<int[]> blocks, int b, List<int[][]> out) {
        int first = -1;
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            out.add(blocks.toArray(new int[0][]));
            return;
        }
        used[first] = true;
        choose(used, blocks, b, out, new int[b], 1, first, first);
        used[first] = false;
    }

    private static void choose(boolean[] used, List<int[]> blocks, int b, List<int[][]> out, int[] cur, int pos,
            int first, int last) {
        cur[0] = first;
        if (pos == b) {
            blocks.add(cur.clone());
            build(used, blocks, b, out);
            blocks.remove(blocks.size() - 1);
            return;
        }
        for (int i = last + 1; i < used.length; i++) {
            if (!used[i]) {
                used[i] = true;
                cur[pos] = i;
                choose(used, blocks, b, out, cur, pos + 1, first, i);
                used[i] = false;
            }
        }
    }

    @Test
    void averageOverPartitionsIsTheGammaForm() {
        int n = DATA.size();
        int b = 2;
        double eps = 0.1;
        List<int[][]> parts = partitions(n, b);
        assertEquals(15, parts.size());
        double mean = 0;
        for (int[][] part : parts) {
            mean += SgdModifiedLoss.modifiedLoss(MSE, DATA, part, eps).apply(P).item() / parts.size();
        }
        double expected = SgdModifiedLoss.expectedModifiedLoss(MSE, DATA, b, eps).apply(P).item();
        assertEquals(expected, mean, 1e-12);
        // and it differs from the plain IGR modified loss by the Γ term
        Batch all = DATA.all();
        double igr = ImplicitGradientRegularization.modifiedLoss(p -> MSE.loss(p, all), eps).apply(P).item();
        double gamma = SgdModifiedLoss.gamma(MSE, DATA).apply(P).item();
        assertEquals(expected - igr, eps / 4 * SgdModifiedLoss.varianceFactor(n, b) * gamma, 1e-12);
        assertEquals(0.4, SgdModifiedLoss.varianceFactor(6, 2), 1e-15);
    }

    @Test
    void gammaMatchesTheMeasurementAndIsDifferentiable() {
        Function<Params, Tensor> gamma = SgdModifiedLoss.gamma(MSE, DATA);
        assertEquals(GradientStats.gradientCovarianceTrace(MSE, P, DATA.all()), gamma.apply(P).item(), 1e-12);
        Fixtures.assertGradientMatches("Γ", gamma, P, 1e-7);
        Fixtures.assertGradientMatches("expected SGD modified loss",
                SgdModifiedLoss.expectedModifiedLoss(MSE, DATA, 2, 0.1), P, 1e-7);
    }

    @Test
    void fullBatchHasNoGammaTerm() {
        Batch all = DATA.all();
        double igr = ImplicitGradientRegularization.modifiedLoss(p -> MSE.loss(p, all), 0.1).apply(P).item();
        assertEquals(igr, SgdModifiedLoss.expectedModifiedLoss(MSE, DATA, DATA.size(), 0.1).apply(P).item(), 1e-12);
        int[][] one = {{0, 1, 2, 3, 4, 5}};
        assertEquals(igr, SgdModifiedLoss.modifiedLoss(MSE, DATA, one, 0.1).apply(P).item(), 1e-12);
    }
}
