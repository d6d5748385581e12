/**
 * Learning-rate rules from the drift and corridor papers, and the edge-of-stability tracker:
 * DAL-p, the drift-adjusted learning rate h = clip(2/v^p, 0, h_max) with v = ‖Hg‖/‖g‖ (METHODS
 * §4.2); CLR, the corridor learning rate E/‖g‖² (= Polyak with E* = 0, METHODS §5); sharpness
 * against 2/h and its summary (METHODS §4.1, §11 EOS-1). The rules implement
 * {@link org.occam.optim.LearningRateRule} and plug into the unmodified
 * {@link org.occam.train.Trainer}.
 */
package org.occam.lr;
