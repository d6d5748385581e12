/**
 * Sharpness-aware minimization and the gradient-norm penalties it approximates (docs/sam.md):
 * {@link org.occam.sam.Sam} (SAM, ASAM, first-order or full gradient, as objectives),
 * {@link org.occam.sam.AscentStep} (the ascent point ε̂), {@link org.occam.sam.GradientNormPenalty}
 * (E + ρ‖∇E‖ exactly or by a forward difference, and Karakida et al.'s forward-difference
 * E + μ‖∇E‖²) and {@link org.occam.sam.SamMonitor} (the ascent-point loss and SAM sharpness).
 */
package org.occam.sam;
