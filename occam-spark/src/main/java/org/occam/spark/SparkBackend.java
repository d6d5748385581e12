package org.occam.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.occam.cli.sweep.ResultsTable;
import org.occam.cli.sweep.RunResult;
import org.occam.cli.sweep.RunTask;
import org.occam.cli.sweep.SweepBackend;
import org.occam.cli.sweep.SweepRuns;
import org.occam.tensor.kernel.Parallel;

/**
 * Runs a sweep's runs as Spark tasks, one task per run, each on one thread of an executor, with
 * the same per-run function as the local pool ({@link SweepRuns#execute}); the driver collects the
 * results. Run folders are written by the executors, so on a cluster the sweep folder must be on a
 * file system they share with the driver. The table is also written as Parquet by Spark's writer
 * (results.parquet: a folder with one part file).
 */
public final class SparkBackend implements SweepBackend {
    private final SparkSession spark;
    private final String master;

    private SparkBackend(SparkSession spark, String master) {
        this.spark = spark;
        this.master = master;
    }

    /**
     * A session on {@code master} (local[N] binds to the loopback address, with no web UI), or on
     * the master spark-submit configured when {@code master} is null.
     */
    public static SparkBackend open(String master) {
        if (master == null && System.getProperty("spark.master") == null) {
            throw new UnsupportedOperationException("--spark without a master works under spark-submit only; give one,"
                    + " e.g. --spark local[2]");
        }
        SparkSession.Builder b = SparkSession.builder().appName("occam-sweep");
        if (master != null) {
            b.master(master);
            if (master.startsWith("local")) {
                b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.ui.enabled", "false");
            }
        }
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return new SparkBackend(s, s.sparkContext().master());
    }

    @Override
    public String describe() {
        return "Spark " + master + " (1 thread per run)";
    }

    @Override
    public List<RunResult> run(List<RunTask> tasks, Consumer<RunResult> done) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("occam sweep: " + tasks.size() + " runs");
        List<RunResult> results = new ArrayList<>(jsc.parallelize(tasks, tasks.size()).map(SparkBackend::execute).collect());
        results.sort(java.util.Comparator.comparingInt(RunResult::index));
        results.forEach(done);
        return results;
    }

    /** On an executor: one run, single-threaded (executors run one task per core). */
    static RunResult execute(RunTask t) {
        if (Parallel.threads() != 1) {
            Parallel.setThreads(1);
        }
        return SweepRuns.execute(t);
    }

    @Override
    public boolean writeParquet(ResultsTable table, Path target) {
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            DataType t = switch (table.types().get(c)) {
                case STRING -> DataTypes.StringType;
                case LONG -> DataTypes.LongType;
                case DOUBLE -> DataTypes.DoubleType;
            };
            fields.add(DataTypes.createStructField(table.header().get(c), t, true));
        }
        StructType schema = DataTypes.createStructType(fields);
        List<Row> rows = new ArrayList<>();
        for (List<Object> r : table.rows()) {
            rows.add(RowFactory.create(r.toArray()));
        }
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(target.toUri().toString());
        return true;
    }

    /** The session, for tests and callers that want to read the results back. */
    public SparkSession session() {
        return spark;
    }

    @Override
    public void close() {
        spark.stop();
    }
}
