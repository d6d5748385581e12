/**
 * GC-1 of METHODS §11: the geometric complexity of 1-D regression fits of noisy sin points by a
 * wide MLP (Dherin, Munn &amp; Barrett 2021; Dherin, Munn, Rosca &amp; Barrett 2022). Sweeps of the
 * learning rate, batch size, L2 and GC penalty from one baseline; GC on the data and the arc length,
 * compared at equal training loss; GC at initialization. Entry point: {@link org.occam.lab.gc1.Gc1#run}.
 */
package org.occam.lab.gc1;
