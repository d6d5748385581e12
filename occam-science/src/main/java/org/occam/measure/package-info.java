/** The quantities the papers measure: Hessian spectra, gradient statistics, geometric complexity. */
package org.occam.measure;
