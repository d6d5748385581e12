package org.occam.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A real Spark standalone cluster on this machine, as a user starts one: Spark's own
 * {@code deploy.master.Master} and {@code deploy.worker.Worker} in child JVMs (the worker starts
 * executor JVMs of its own), all bound to 127.0.0.1, and a driver session in this JVM. Closing
 * stops the session, then the worker (with its executors) and the master.
 */
final class StandaloneCluster implements AutoCloseable {
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private SparkSession session;

    private StandaloneCluster(Path dir) {
        this.dir = dir;
    }

    /** Starts a master, one worker with {@code cores} cores, and a driver session with the given task retries. */
    static StandaloneCluster start(Path dir, int cores, int maxFailures) throws IOException, InterruptedException {
        StandaloneCluster c = new StandaloneCluster(dir);
        try {
            c.boot(cores, maxFailures);
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void boot(int cores, int maxFailures) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> flags = jvmFlags();
        int port = freePort();
        Path home = Files.createDirectories(dir.resolve("spark-home/jars")).getParent(); // the worker wants SPARK_HOME/jars
        start("master", flags, cp, home, List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--webui-port", "0"));
        awaitPort(port);
        String master = "spark://127.0.0.1:" + port;
        start("worker", flags, cp, home, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0",
                "--webui-port", "0", "--cores", String.valueOf(cores), "--memory", "2g", "--work-dir",
                Files.createDirectories(dir.resolve("work")).toString(), master));
        session = SparkSession.builder().appName("occam-standalone-test").master(master)
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.executor.memory", "1g")
                .config("spark.cores.max", String.valueOf(cores)).config("spark.executor.cores", String.valueOf(cores))
                .config("spark.task.maxFailures", String.valueOf(maxFailures))
                .config("spark.executor.extraClassPath", cp)
                .config("spark.executor.extraJavaOptions", String.join(" ", flags)).getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (context().sc().statusTracker().getExecutorInfos().length < 2) { // the driver counts as one
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no executor registered in 180 s; see the logs in " + dir);
            }
            Thread.sleep(200);
        }
    }

    JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session.sparkContext());
    }

    /** The executors' process ids (children of the worker), for a test that kills one. */
    List<ProcessHandle> executors() {
        return processes.size() < 2 ? List.of() : processes.get(1).descendants().toList();
    }

    private void start(String name, List<String> flags, String cp, Path home, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-Xmx512m", "-cp", cp));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        processes.add(pb.start());
    }

    /** The module and --add-opens flags this JVM runs with (Occam's vector kernels and Spark need them). */
    private static List<String> jvmFlags() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("--enable-native-access") || a.startsWith("-Xss")) {
                out.add(a);
            }
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!processes.getFirst().isAlive()) {
                throw new IllegalStateException("the master exited; see " + dir.resolve("master.log"));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the master did not listen on 127.0.0.1:" + port + " within 120 s");
    }

    /** The tail of a child's log, for failure messages. */
    String log(String name) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (session != null) {
            session.stop();
        }
        for (Process p : processes.reversed()) {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
