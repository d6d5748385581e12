/**
 * Explicit regularizers and the modified losses of backward error analysis.
 *
 * <p>Regularizers wrap an {@link org.occam.train.Objective} and return one, so they compose and
 * plug into the training loop: {@link org.occam.regularize.ExplicitGradientRegularization} (exact
 * and finite-difference), {@link org.occam.regularize.MicroBatchGradientRegularization},
 * {@link org.occam.regularize.GeometricComplexityPenalty},
 * {@link org.occam.regularize.SpectralNormPenalty}, {@link org.occam.regularize.L2Penalty} and
 * {@link org.occam.regularize.InputNoise}. Objectives whose gradient is not the backprop of their
 * value implement {@link org.occam.train.Objective#valueAndGrad}.
 *
 * <p>Modified losses and flows (functions of a scalar loss {@code Function<Params, Tensor>};
 * vector fields are {@code Function<Params, Params>} giving θ̇):
 * {@link org.occam.regularize.ImplicitGradientRegularization} (GD, with the third-order flow),
 * {@link org.occam.regularize.MomentumModifiedLoss} (heavy ball),
 * {@link org.occam.regularize.SgdModifiedLoss} (random shuffling, Γ form),
 * {@link org.occam.regularize.MultitaskConflict} and
 * {@link org.occam.regularize.FixedOrderFlow} (fixed-order passes, Lie brackets). Their orders of
 * accuracy are checked against {@link org.occam.flow.Rk4} integrations in the tests (METHODS §11
 * IGR-0, MOM-0, SGD-1, SEQ-0).
 */
package org.occam.regularize;
