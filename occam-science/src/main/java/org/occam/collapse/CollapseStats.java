package org.occam.collapse;

import java.io.Serializable;

/**
 * The neural-collapse measures of one embedding of one labelled set (METHODS §7.4; see
 * {@link NeuralCollapse}).
 *
 * @param numClasses  C
 * @param dim         the embedding dimension p
 * @param counts      examples per class
 * @param nc1         (1/C) tr(Σ_W Σ_B^†)
 * @param cdnv        the mean of V(i, j) over i ≠ j
 * @param cdnvMatrix  V(i, j), 0 on the diagonal
 * @param nccAccuracy nearest-class-centre accuracy with the set's own class means
 * @param variances   Var_c = E‖f(x) − μ_c‖² per class
 */
public record CollapseStats(int numClasses, int dim, int[] counts, double nc1, double cdnv, double[][] cdnvMatrix,
                            double nccAccuracy, double[] variances) implements Serializable {
}
