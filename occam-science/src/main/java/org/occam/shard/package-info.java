/**
 * The sharded full-dataset objective (docs/sharded-objective.md): fixed chunks of examples, per-chunk
 * loss, gradient, HVP, GC and accuracy, and a fixed-shape tree sum, so that the single-machine
 * runner and Spark executors (module occam-spark) give the same bits.
 */
package org.occam.shard;
