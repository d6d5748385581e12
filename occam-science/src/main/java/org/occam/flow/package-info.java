/**
 * Continuous models of gradient descent and how to compare them with the iterates (METHODS §1.1,
 * §1.4, §2.1, §4.1, §5): float64 integrators ({@link org.occam.flow.Rk4},
 * {@link org.occam.flow.DormandPrince} with error control and dense output), named vector fields
 * ({@link org.occam.flow.Flows}: gradient flow, IGR first and third order, momentum, SGD, and the
 * principal flow in its real-part, complex and top-k forms), the side-by-side comparison
 * ({@link org.occam.flow.SideBySide}) and the loss-expression playground
 * ({@link org.occam.flow.Expression}).
 */
package org.occam.flow;
