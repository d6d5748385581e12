/**
 * Running a reproduction over seeds: {@link org.occam.lab.seeds.Seeds} maps a deterministic
 * per-seed run over seeds on a local pool ({@code --parallel}), results in seed order;
 * {@link org.occam.lab.seeds.SeedRuns} can run them as tasks of a
 * {@link org.occam.lab.seeds.SeedBackend} instead ({@code --spark}).
 */
package org.occam.lab.seeds;
