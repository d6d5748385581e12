/**
 * HOM-1 of METHODS §11: margins and directions of a homogeneous network under long GD ({@link org.occam.lab.hom.HomSweep}), claims over seeds and the report.
 */
package org.occam.lab.hom;
