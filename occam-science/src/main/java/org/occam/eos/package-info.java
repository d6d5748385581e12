/**
 * Edge-of-stability diagnostics (docs/eos-diagnostics.md): the fraction of the gradient in the top-k
 * Hessian eigenspace (Gur-Ari, Roberts &amp; Dyer 2018), catapult detection (Lewkowycz et al. 2020) and
 * the self-stabilization prediction of the sharpness (Damian, Nichani &amp; Lee 2022).
 */
package org.occam.eos;
