/**
 * Running a reproduction over seeds: {@link org.occam.lab.seeds.Seeds} maps a deterministic
 * per-seed run over seeds on a local pool ({@code --parallel}), results in seed order.
 */
package org.occam.lab.seeds;
