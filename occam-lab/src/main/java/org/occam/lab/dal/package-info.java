/**
 * DAL-1 of METHODS §11: drift-adjusted learning rates DAL-p and the stability / performance trade-off ({@link org.occam.lab.dal.DalSweep}), its claims over seeds and its report.
 */
package org.occam.lab.dal;
