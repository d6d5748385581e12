package org.occam.cli.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command in a JVM on occam-spark's class path (./occam puts only occam-cli's on its own),
 * written by that module's build (mvn package) to occam-spark/target/spark-classpath.txt, with
 * the flags Spark needs on JDK 25, Spark's log at WARN, and local masters bound to 127.0.0.1. The
 * child ends with this process: on SIGTERM/SIGINT through {@link Interrupts}, on SIGKILL through its
 * {@link ParentWatch}.
 */
public final class SparkProcess {
    private SparkProcess() {
    }

    /** Runs {@code mainClass} with {@code args} there and returns its exit code; {@code master} may be blank. */
    public static int run(String mainClass, List<String> args, String master) {
        String home = System.getenv("OCCAM_HOME");
        Path root = Path.of(home == null || home.isBlank() ? "." : home);
        Path jar = root.resolve("occam-spark/target/occam-spark.jar");
        Path cpFile = root.resolve("occam-spark/target/spark-classpath.txt");
        if (!Files.isRegularFile(cpFile) || !Files.isRegularFile(jar)) {
            throw new UnsupportedOperationException("--spark needs the occam-spark module, which is not built here (no " + cpFile
                    + "): build it with mvn -pl occam-spark -am package -DskipTests, or run under spark-submit (see"
                    + " occam-spark/README.md)");
        }
        String cp;
        try {
            cp = jar + File.pathSeparator + Files.readString(cpFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cpFile + ": " + e.getMessage(), e);
        }
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-Xss8m", "-XX:+UseParallelGC",
                "--enable-native-access=ALL-UNNAMED", "-Dlog4j2.configurationFile=org/occam/spark/log4j2.properties"));
        for (String pkg : List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio", "java.util",
                "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs",
                "sun.security.action", "sun.util.calendar")) {
            cmd.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
        }
        String heap = System.getenv("OCCAM_HEAP");
        if (heap != null && !heap.isBlank()) {
            cmd.add("-Xmx" + heap);
        }
        cmd.addAll(List.of("-cp", cp, mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        if (master != null && master.startsWith("local") && System.getenv("SPARK_LOCAL_IP") == null) {
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        }
        pb.environment().put(ParentWatch.ENV, Long.toString(ProcessHandle.current().pid()));
        try {
            Process child = pb.start();
            Interrupts.child(child); // SIGTERM/SIGINT here end the child; SIGKILL here: the child's ParentWatch ends it
            try {
                return child.waitFor();
            } finally {
                Interrupts.forget(child);
            }
        } catch (IOException e) {
            throw new UnsupportedOperationException("--spark: cannot start " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
