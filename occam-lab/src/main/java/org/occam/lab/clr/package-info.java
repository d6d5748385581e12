/**
 * CLR-1 and COR-1 of METHODS §11: the corridor learning rate against constant rates, GD on a corridor ({@link org.occam.lab.clr.ClrSweep}), claims over seeds and the report.
 */
package org.occam.lab.clr;
