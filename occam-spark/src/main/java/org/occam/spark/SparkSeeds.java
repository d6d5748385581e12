package org.occam.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.occam.lab.seeds.SeedBackend;
import org.occam.lab.seeds.SeedRun;
import org.occam.tensor.kernel.Parallel;

/**
 * A reproduction's seeds as Spark tasks ({@code occam reproduce NAME --spark MASTER}): one task per
 * seed, each on one thread of an executor, running the same {@link SeedRun} as the local pool; the
 * per-seed results come back by Java serialization, so they have the bits of a local run. Progress
 * lines go to the executor's standard error, prefixed with the seed.
 */
public final class SparkSeeds implements SeedBackend {
    private final SparkSession spark;
    private final String master;

    private SparkSeeds(SparkSession spark, String master) {
        this.spark = spark;
        this.master = master;
    }

    /** A session on {@code master}, configured as the sweep backend's ({@link SparkBackend#open}). */
    public static SparkSeeds open(String master) {
        SparkSession s = SparkBackend.open(master).session();
        return new SparkSeeds(s, s.sparkContext().master());
    }

    @Override
    public <R extends Serializable> List<R> run(String id, long[] seeds, SeedRun<R> run) {
        List<Long> list = new ArrayList<>(seeds.length);
        for (long s : seeds) {
            list.add(s);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("occam reproduce " + id + ": " + seeds.length + " seeds");
        return new ArrayList<>(jsc.parallelize(list, list.size()).map(seed -> execute(run, seed)).collect());
    }

    /** On an executor: one seed, single-threaded (executors run one task per core). */
    static <R> R execute(SeedRun<R> run, long seed) {
        if (Parallel.threads() != 1) {
            Parallel.setThreads(1);
        }
        return run.run(seed, line -> System.err.println("seed " + seed + ": " + line));
    }

    @Override
    public String describe() {
        return "Spark " + master;
    }

    @Override
    public void close() {
        spark.stop();
    }
}
