/**
 * Max-margin limits of linear classifiers on separable data (docs/max-margin.md; Soudry et al.
 * 2018, Ji &amp; Telgarsky 2019, Gunasekar et al. 2018): the exact ℓ2 hard-margin SVM and ℓ∞-margin
 * solutions of small sets, steepest descent in a norm (sign descent for ℓ∞), and the angle of the
 * iterates to those directions along training.
 */
package org.occam.maxmargin;
