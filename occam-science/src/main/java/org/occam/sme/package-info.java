/**
 * Stochastic modified equations of SGD (Li, Tai &amp; E 2017, arXiv 1511.06251; JMLR 2019;
 * docs/sme.md): {@link org.occam.sme.Sme} builds the SDE dX = −∇Ẽ dt + √(hΣ(X)/b) dW of a
 * {@link org.occam.sme.ExampleLosses} problem (first order Ẽ = E, second order
 * Ẽ = E + (h/4)‖∇E‖²), {@link org.occam.sme.EulerMaruyama} simulates it,
 * {@link org.occam.sme.SgdChain} runs the SGD it approximates, and
 * {@link org.occam.sme.LeastSquaresMoments} gives both processes' exact first and second moments
 * on least squares, for weak-order checks.
 */
package org.occam.sme;
