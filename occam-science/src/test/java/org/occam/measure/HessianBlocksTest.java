package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.tensor.Rng;

/** Diagonal Hessian blocks against the exact dense Hessian of a tiny net (issue 15, must-show 1). */
class HessianBlocksTest {

    /** Each dense block is the sub-matrix of H, and the block traces sum to tr H, under both groupings. */
    @Test
    void denseBlocksAreSubmatricesAndTracesSum() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        LinearOperator full = LinearOperator.hessian(pr.loss(), pr.p());
        double[][] h = Hessians.denseMatrix(full);
        double trace = MeasureFixtures.trace(h);
        for (HessianBlocks.Grouping g : HessianBlocks.Grouping.values()) {
            List<BlockSpectrum> blocks = BlockSpectrum.measure(full, g, 3, 1000, new Tolerance(1e-6, 100),
                    new Tolerance(0.1, 100), Rng.seed(1));
            assertEquals(g == HessianBlocks.Grouping.LAYERS ? 2 : 4, blocks.size(), g.toString());
            double sum = 0;
            int offset = 0;
            for (BlockSpectrum b : blocks) {
                assertTrue(b.exact());
                assertEquals(b.size(), b.hvpCount());
                for (int i = 0; i < b.size(); i++) {
                    for (int j = 0; j < b.size(); j++) {
                        assertEquals(h[offset + i][offset + j], b.dense()[i][j], 1e-14, b.name() + "[" + i + "," + j + "]");
                    }
                }
                offset += b.size();
                sum += b.trace().mean();
            }
            assertEquals(pr.p().numel(), offset);
            assertEquals(trace, sum, 1e-12 * Math.abs(trace), g + ": block traces sum to tr H");
        }
    }

    /** Lanczos on a block reaches the dense block's eigenvalues; Hutchinson block traces sum to tr H within their SE. */
    @Test
    void iterativeBlocksMatchDenseBlocks() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        LinearOperator full = LinearOperator.hessian(pr.loss(), pr.p());
        double trace = MeasureFixtures.trace(Hessians.denseMatrix(full));
        List<BlockSpectrum> exact = BlockSpectrum.measure(full, HessianBlocks.Grouping.LAYERS, 3, 1000,
                new Tolerance(1e-6, 100), new Tolerance(0.1, 100), Rng.seed(1));
        List<BlockSpectrum> iter = BlockSpectrum.measure(full, HessianBlocks.Grouping.LAYERS, 3, 0,
                new Tolerance(1e-6, 100), new Tolerance(0.05, 3000), Rng.seed(1));
        double sum = 0;
        double var = 0;
        for (int l = 0; l < iter.size(); l++) {
            BlockSpectrum b = iter.get(l);
            assertTrue(!b.exact() && b.lanczos().converged(), b.name() + ": " + b.warning());
            for (int i = 0; i < 3; i++) {
                double d = exact.get(l).top().eigenvalue(i);
                assertTrue(MeasureFixtures.relErr(d, b.top().eigenvalue(i)) <= 1e-6, b.name() + " " + i + ": " + d
                        + " vs " + b.top().eigenvalue(i));
            }
            sum += b.trace().mean();
            var += b.trace().stderr() * b.trace().stderr();
        }
        assertTrue(Math.abs(sum - trace) <= 4 * Math.sqrt(var), sum + " vs " + trace + " se " + Math.sqrt(var));
    }
}
