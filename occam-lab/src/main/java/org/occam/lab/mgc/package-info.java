/**
 * MGC-1 of METHODS §11: the margin-normalized GC against the generalization gap with true and random labels ({@link org.occam.lab.mgc.MgcSweep}).
 */
package org.occam.lab.mgc;
