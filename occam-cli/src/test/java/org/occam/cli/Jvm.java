package org.occam.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** {@code occam} in a separate JVM on the test classpath (for tests that kill, signal or race real processes). */
final class Jvm {
    private Jvm() {
    }

    /**
     * Whether {@code env --default-signal} (GNU coreutils 8.31+) is here: a child started from a
     * background job inherits an ignored SIGINT, which the JVM then leaves ignored; started through
     * it, SIGINT acts as it does in a terminal.
     */
    static final boolean DEFAULT_SIGNALS = probe();

    private static boolean probe() {
        try {
            return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code Main} with {@code args}; {@code props} are -D system properties (e.g. a fault to
     * inject); stdout and stderr go to {@code log}. One kernel thread keeps the machine usable.
     */
    static Process start(Path log, List<String> props, Map<String, String> env, String... args) throws IOException {
        return start(System.getProperty("java.class.path"), Main.class.getName(), log, props, env, args);
    }

    /** Starts {@code mainClass} on {@code classpath}, as {@link #start(Path, List, Map, String...)}. */
    static Process start(String classpath, String mainClass, Path log, List<String> props, Map<String, String> env,
                         String... args) throws IOException {
        List<String> cmd = new ArrayList<>(DEFAULT_SIGNALS ? List.of("env", "--default-signal=INT") : List.of());
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xss8m", "-Xmx512m",
                "-XX:+UseSerialGC"));
        for (String p : props) {
            cmd.add("-D" + p);
        }
        cmd.addAll(List.of("-cp", classpath, mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OCCAM_THREADS", "1");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Waits until {@code done} holds, the process ends, or {@code seconds} pass; true when {@code done} holds. */
    static boolean await(Process p, BooleanSupplier done, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (p != null && !p.isAlive()) {
                return done.getAsBoolean();
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Waits for the process to end and returns its exit code (fails after {@code seconds}). */
    static int exit(Process p, long seconds) throws InterruptedException {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("process " + p.pid() + " did not end in " + seconds + " s");
        }
        return p.exitValue();
    }

    /** The number of lines of a file (0 when missing). */
    static long lines(Path f) {
        if (!Files.exists(f)) {
            return 0;
        }
        try (Stream<String> s = Files.lines(f)) {
            return s.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A file's text, or "" when missing. */
    static String text(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
