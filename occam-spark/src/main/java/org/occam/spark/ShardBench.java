package org.occam.spark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.occam.autodiff.Params;
import org.occam.cli.config.DataLoader;
import org.occam.data.Dataset;
import org.occam.data.ImageLayout;
import org.occam.nn.Mode;
import org.occam.nn.ModelState;
import org.occam.nn.Models;
import org.occam.shard.Chunk;
import org.occam.shard.ChunkRunner;
import org.occam.shard.LocalChunks;
import org.occam.shard.ShardProblem;
import org.occam.shard.ShardedObjective;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;

/**
 * The benchmark of occam-spark/README.md (not a test): full-dataset HVPs of one model on this JVM
 * (the chunks in a loop) and on Spark, with wall and process CPU time per HVP, the bytes each
 * reduction moves, the machine's load, and a check that both give the same bits.
 * <pre>
 * java ... org.occam.spark.ShardBench MODEL DATA LAYOUT DTYPE CHUNK MASTER HVPS
 * </pre>
 */
public final class ShardBench {
    private ShardBench() {
    }

    public static void main(String[] a) throws Exception {
        String model = a[0];
        DType dt = DType.parse(a[3]);
        int chunk = Integer.parseInt(a[4]);
        String master = a[5];
        int hvps = Integer.parseInt(a[6]);
        Dataset d = DataLoader.fromSpec(a[1], "data", a[2].equals("nchw") ? ImageLayout.NCHW : ImageLayout.FLAT, dt, 0);
        ShardProblem problem = ShardProblem.of(model, "cross_entropy", dt, Mode.EVAL, ModelState.empty(), d.size());
        List<Chunk> chunks = Chunk.of(d, chunk);
        Params p = Models.parse(model).init(Rng.seed(0), dt);
        Params v = Models.parse(model).init(Rng.seed(1), dt);
        System.out.printf(Locale.ROOT, "%s on %s (%d examples, %d parameters, %s), %d chunks of %d, %d cores, load %s%n", model,
                a[1], d.size(), p.numel(), dt.label(), chunks.size(), chunk, Runtime.getRuntime().availableProcessors(), load());
        double[] local = time("single JVM", new LocalChunks(problem, chunks), p, v, hvps, null);
        SparkChunks spark = time("setup Spark " + master, () -> SparkChunks.open(master, 0, problem, chunks));
        double[] onSpark = time("Spark " + master, spark, p, v, hvps, spark);
        spark.close();
        System.out.println("same bits: " + Arrays.equals(local, onSpark));
    }

    private static double[] time(String label, ChunkRunner r, Params p, Params v, int n, SparkChunks traffic) {
        ShardedObjective f = ShardedObjective.on(r);
        double[] out = null;
        for (int i = 0; i < n; i++) {
            long w = System.nanoTime();
            long c = cpu();
            out = f.hvp(p, v).flatten().toDoubleArray();
            System.out.printf(Locale.ROOT, "  %-22s HVP %d: wall %7.2f s, process CPU %7.2f s, load %s%s%n", label, i + 1,
                    (System.nanoTime() - w) / 1e9, (cpu() - c) / 1e9, load(), traffic == null ? ""
                    : ", broadcast " + traffic.lastTraffic().broadcastBytes() + " B, returned "
                    + traffic.lastTraffic().returnedBytes() + " B in " + traffic.lastTraffic().nodes() + " nodes");
        }
        return out;
    }

    private static <T> T time(String label, java.util.function.Supplier<T> s) {
        long w = System.nanoTime();
        long c = cpu();
        T t = s.get();
        System.out.printf(Locale.ROOT, "  %-22s wall %7.2f s, process CPU %7.2f s%n", label, (System.nanoTime() - w) / 1e9,
                (cpu() - c) / 1e9);
        return t;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
