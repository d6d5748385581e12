package org.occam.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.measure.Hessians;
import org.occam.shard.ShardedObjective;
import org.occam.tensor.Rng;

/**
 * Must-show 2 on a real standalone cluster (Spark's Master and Worker in child JVMs on
 * 127.0.0.1, executors started by the worker): the same bits as one machine for 1, 2 and 7
 * partitions, and an executor JVM killed mid-measurement (it halts on its first attempt of a
 * task) is replaced, its tasks retried, and the Lanczos eigenvalues come out unchanged.
 */
class SparkShardStandaloneTest {

    @Test
    void standaloneMasterAndWorkerGiveTheSingleMachineBits(@TempDir Path dir) throws Exception {
        ShardFixture.Results want = ShardFixture.run(ShardFixture.local(), dir.resolve("local"));
        double[] top = Hessians.lanczos(ShardedObjective.on(ShardFixture.local()).hessian(ShardFixture.init()), 5, 20,
                Rng.seed(5)).eigenvalues();
        try (StandaloneCluster cluster = StandaloneCluster.start(Files.createDirectories(dir.resolve("cluster")), 2, 4)) {
            for (int parts : new int[] {1, 2, 7}) {
                try (SparkChunks spark = SparkChunks.on(cluster.context(), parts, ShardFixture.PROBLEM, ShardFixture.CHUNKS)) {
                    assertTrue(spark.describe().startsWith("Spark spark://127.0.0.1:"), spark.describe());
                    want.assertSameBits(ShardFixture.run(spark, dir.resolve("p" + parts)), "standalone, " + parts + " partitions");
                }
            }
            Set<String> before = executorIds(cluster);
            Path marker = dir.resolve("killed-once");
            try (SparkChunks spark = SparkChunks.on(cluster.context(), 7, ShardFixture.PROBLEM, ShardFixture.CHUNKS)) {
                FaultOnce.Runner killing = new FaultOnce.Runner(spark, 3, marker, true);
                double[] got = Hessians.lanczos(ShardedObjective.on(killing).hessian(ShardFixture.init()), 5, 20, Rng.seed(5))
                        .eigenvalues();
                assertArrayEquals(top, got, "Lanczos top-5 after an executor was killed");
            }
            assertTrue(Files.exists(marker), "an executor JVM halted mid-measurement");
            Set<String> after = executorIds(cluster);
            assertNotEquals(before, after, "the worker started a new executor: " + before + " -> " + after + "\n"
                    + cluster.log("worker"));
            assertEquals(2, after.size(), "the driver and one executor: " + after);
        }
    }

    /** host:port of the driver and every executor (a restarted executor listens on a new port). */
    private static Set<String> executorIds(StandaloneCluster c) {
        return Arrays.stream(c.context().sc().statusTracker().getExecutorInfos()).map(e -> e.host() + ":" + e.port())
                .collect(Collectors.toSet());
    }
}
