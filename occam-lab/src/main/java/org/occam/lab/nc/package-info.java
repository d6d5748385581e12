/**
 * NC-1 of METHODS §11: source GC, target collapse and few-shot transfer ({@link org.occam.lab.nc.NcSweep}), claims over seeds and the report.
 */
package org.occam.lab.nc;
