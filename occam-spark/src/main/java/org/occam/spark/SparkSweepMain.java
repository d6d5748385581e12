package org.occam.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.occam.cli.Main;
import org.occam.cli.run.ParentWatch;

/**
 * {@code occam sweep} on Spark, as a main class for spark-submit (and for {@code ./occam sweep
 * --spark}, which starts it in a JVM with this module's classpath):
 * <pre>
 * spark-submit --master local[4] --class org.occam.spark.SparkSweepMain \
 *   --jars occam-cli/target/occam-cli.jar,occam-cli/target/lib/... occam-spark/target/occam-spark.jar \
 *   examples/sweeps/digits_lr_batch.yaml --out runs/lr-bs
 * </pre>
 * The arguments are those of {@code occam sweep}; without {@code --spark}, the master is the one
 * spark-submit set.
 */
public final class SparkSweepMain {
    private SparkSweepMain() {
    }

    public static void main(String[] args) {
        ParentWatch.installFromEnvironment(); // started by ./occam sweep --spark: end with that process, even on SIGKILL
        List<String> a = new ArrayList<>(Arrays.asList(args));
        if (!a.isEmpty() && a.getFirst().equals("sweep")) {
            a.removeFirst();
        }
        a.addFirst("sweep");
        if (a.stream().noneMatch(s -> s.equals("--spark") || s.startsWith("--spark="))) {
            a.add("--spark=");
        }
        System.exit(Main.run(a.toArray(String[]::new)));
    }
}
