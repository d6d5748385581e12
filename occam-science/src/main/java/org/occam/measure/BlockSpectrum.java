package org.occam.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.occam.tensor.Rng;

/**
 * What {@code measure --blocks} reports for one diagonal block H_ll (docs/curvature.md, "blocks"):
 * its top eigenvalues and trace, exactly from the dense block when it is small, by converged
 * Lanczos and sequential Hutchinson otherwise.
 *
 * @param name      the block's name (a parameter or a layer prefix)
 * @param size      its number of scalar parameters
 * @param top       its largest eigenvalues, largest first (with residuals and flags when iterative)
 * @param lanczos   the Lanczos result behind {@code top}, or null when the block was dense
 * @param trace     tr H_ll: exact (stderr 0, no probes) when dense, else Hutchinson
 * @param traceRun  the sequential Hutchinson run behind {@code trace}, or null when dense
 * @param dense     the block matrix when size ≤ the dense limit, else null
 * @param hvpCount  full-operator products spent on this block
 */
public record BlockSpectrum(String name, int size, Spectrum top, Eigenpairs lanczos, Estimate trace,
        SequentialEstimate traceRun, double[][] dense, long hvpCount) {

    /**
     * Whether the block was measured exactly from its dense matrix.
     *
     * @return whether it is exact
     */
    public boolean exact() {
        return dense != null;
    }

    /**
     * A one-line warning when an iterative estimate stopped at its cap, empty otherwise.
     *
     * @return the warning, or ""
     */
    public String warning() {
        if (exact()) {
            return "";
        }
        String a = lanczos.warning();
        String b = traceRun.warning();
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /**
     * Every block of {@code full}: blocks of at most {@code denseLimit} parameters exactly (one
     * product per parameter), larger ones by Lanczos to {@code eig} and Hutchinson to {@code trace}.
     *
     * @param full H
     * @param grouping by parameter or by layer
     * @param k eigenvalues per block
     * @param denseLimit the largest block measured exactly
     * @param eig the eigenvalue tolerance of the larger blocks
     * @param trace the trace tolerance of the larger blocks
     * @param rng the generator of start vectors and probes
     * @return one spectrum per block
     */
    public static List<BlockSpectrum> measure(LinearOperator full, HessianBlocks.Grouping grouping, int k, int denseLimit,
            Tolerance eig, Tolerance trace, Rng rng) {
        List<BlockSpectrum> out = new ArrayList<>();
        for (HessianBlocks.Block b : HessianBlocks.of(full, grouping)) {
            out.add(b.size() <= denseLimit ? dense(b, k) : iterative(b, k, eig, trace, rng));
        }
        return out;
    }

    private static BlockSpectrum dense(HessianBlocks.Block b, int k) {
        double[][] a = Hessians.denseMatrix(b.op());
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] top = Arrays.copyOf(e.values(), Math.min(k, a.length));
        double tr = 0;
        for (int i = 0; i < a.length; i++) {
            tr += a[i][i];
        }
        long cost = b.op().applications();
        return new BlockSpectrum(b.name(), b.size(), new Spectrum(top, null, null, cost), null,
                new Estimate(tr, 0, 0, cost), null, a, cost);
    }

    private static BlockSpectrum iterative(HessianBlocks.Block b, int k, Tolerance eig, Tolerance trace, Rng rng) {
        Eigenpairs e = Lanczos.eigenpairs(b.op(), Math.min(k, b.size()), 0, eig, rng);
        SequentialEstimate t = HutchinsonTrace.estimate(b.op(), trace, rng);
        return new BlockSpectrum(b.name(), b.size(), e.top(), e, t.estimate(), t, null, b.op().applications());
    }
}
