/**
 * EOS-1 of METHODS §11: progressive sharpening and the edge of stability under full-batch GD ({@link org.occam.lab.eos.EosSweep}), its claims over seeds and its report.
 */
package org.occam.lab.eos;
