package org.occam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.TaskFailedReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.measure.Hessians;
import org.occam.shard.ShardedObjective;
import org.occam.tensor.Rng;

/**
 * Must-show 2 on Spark local[2] (two task threads; local[2,3] lets a task fail up to 3 times):
 * gradient, HVP, Lanczos top-5, Hutchinson trace, GC, accuracy and 20 steps of full-batch GD
 * (stopped at 12 and resumed from the checkpoint) have the bits of the single-machine chunked
 * path for 1, 2 and 7 partitions, and a task that fails mid-measurement is retried with the same
 * result.
 */
class SparkShardLocalTest {
    static SparkBackend backend;
    static JavaSparkContext jsc;
    static final AtomicInteger FAILED_TASKS = new AtomicInteger();

    @BeforeAll
    static void start() {
        backend = SparkBackend.open("local[2,3]");
        jsc = JavaSparkContext.fromSparkContext(backend.session().sparkContext());
        jsc.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd e) {
                if (e.reason() instanceof TaskFailedReason) {
                    FAILED_TASKS.incrementAndGet();
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void sameBitsAsOneMachineForOneTwoAndSevenPartitions(@TempDir Path dir) {
        ShardFixture.Results want = ShardFixture.run(ShardFixture.local(), dir.resolve("local"));
        for (int parts : new int[] {1, 2, 7}) {
            try (SparkChunks spark = SparkChunks.on(jsc, parts, ShardFixture.PROBLEM, ShardFixture.CHUNKS)) {
                assertEquals(parts, spark.partitions());
                want.assertSameBits(ShardFixture.run(spark, dir.resolve("p" + parts)), "local[2], " + parts + " partitions");
            }
        }
    }

    @Test
    void aTaskThatFailsMidMeasurementIsRetriedWithTheSameResult(@TempDir Path dir) throws Exception {
        double[] want = Hessians.lanczos(ShardedObjective.on(ShardFixture.local()).hessian(ShardFixture.init()), 5, 20,
                Rng.seed(5)).eigenvalues();
        Path marker = dir.resolve("failed-once");
        int before = FAILED_TASKS.get();
        try (SparkChunks spark = SparkChunks.on(jsc, 7, ShardFixture.PROBLEM, ShardFixture.CHUNKS)) {
            FaultOnce.Runner faulty = new FaultOnce.Runner(spark, 3, marker, false);
            double[] got = Hessians.lanczos(ShardedObjective.on(faulty).hessian(ShardFixture.init()), 5, 20, Rng.seed(5))
                    .eigenvalues();
            org.junit.jupiter.api.Assertions.assertArrayEquals(want, got);
        }
        assertTrue(Files.exists(marker), "the fault fired");
        assertEquals(1, FAILED_TASKS.get() - before, "one task failed and was retried");
    }
}
