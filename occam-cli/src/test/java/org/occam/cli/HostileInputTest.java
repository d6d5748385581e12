package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, must-show 2: every hostile input (oversized config and sweep files, a 100 MB YAML
 * value, YAML aliases, a label of 2·10⁹, non-finite CSV features, each malformed safetensors kind,
 * a folder or a missing path given as a file, NaN weights with {@code --metrics sharpness}, an
 * unwritable {@code --out}) gives exactly one line on standard error, the right exit code, in at
 * most 2 s of CPU time, writes no file; and those that could exhaust memory do the same in a JVM
 * limited to 256 MiB of heap.
 *
 * <p>The time bound is on the CPU time of the thread that runs the CLI (the machine may be busy;
 * every input is refused after work proportional to its size, before any computation).
 */
class HostileInputTest {
    private static final long CPU_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The JVM's own start-up notice about the Vector API module, not a line of the CLI. */
    private static final String JVM_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir
    static Path dir;
    static Path readOnly;
    static List<HostileInputs.Case> cases;

    @BeforeAll
    static void writeInputs() throws IOException {
        readOnly = readOnlyFolder();
        cases = HostileInputs.write(Files.createDirectory(dir.resolve("in")), readOnly);
    }

    @AfterAll
    static void makeWritableAgain() throws IOException {
        if (readOnly.startsWith(dir)) {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void eachInputGivesOneLineAndItsExitCodeFastAndWritesNothing() throws IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder("| input | exit | CPU s | wall s | line |\n|---|---|---|---|---|\n");
        for (HostileInputs.Case c : cases) {
            Map<String, Long> before = HostileInputs.listing(dir);
            long c0 = cpu.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            CliRun.Result r = CliRun.run(c.args().toArray(String[]::new));
            long cpuNanos = cpu.getCurrentThreadCpuTime() - c0;
            long wallNanos = System.nanoTime() - w0;
            List<String> lines = r.err().lines().toList();
            table.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | `%s` |%n", c.name(), r.code(), cpuNanos / 1e9,
                    wallNanos / 1e9, String.join(" / ", lines)));
            check(c, r.code(), lines, cpuNanos, problems);
            if (!HostileInputs.listing(dir).equals(before)) {
                problems.add(c.name() + ": files changed under " + dir);
            }
        }
        System.out.print(table);
        assertEquals(List.of(), problems);
    }

    /** The inputs that could make a reader allocate by what they hold or declare: big files, labels, sizes, weights. */
    private static boolean couldBlowMemory(HostileInputs.Case c) {
        return Stream.of("MiB", "100 MB", "label", "header length", "dimension", "2^32", "weights")
                .anyMatch(c.name()::contains);
    }

    @Test
    void inAJvmWith256MiBOfHeapTheSame() throws Exception {
        List<HostileInputs.Case> heavy = cases.stream().filter(HostileInputTest::couldBlowMemory).toList();
        assertTrue(heavy.size() >= 15, heavy.size() + " inputs");
        Path list = dir.resolve("cases.txt");
        List<String> lines = new ArrayList<>();
        for (HostileInputs.Case c : heavy) {
            lines.add(String.join(HostileChild.SEPARATOR, c.args()));
        }
        Files.write(list, lines, StandardCharsets.UTF_8);
        Path outFile = dir.resolve("child.out");
        Path errFile = dir.resolve("child.err");
        Map<String, Long> before = HostileInputs.listing(dir.resolve("in"));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                HostileChild.class.getName(), list.toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the child JVM finished");
        String err = Files.readString(errFile).replace(JVM_NOTICE, "").strip();
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err, "the child printed nothing outside the CLI runs");
        List<String> results = Files.readAllLines(outFile);
        assertEquals(heavy.size(), results.size(), String.join("\n", results));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < heavy.size(); i++) {
            String[] f = results.get(i).split("\t", -1);
            String stderr = new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8);
            check(heavy.get(i), Integer.parseInt(f[0]), stderr.lines().toList(), Long.parseLong(f[1]), problems);
        }
        assertEquals(List.of(), problems);
        assertEquals(before, HostileInputs.listing(dir.resolve("in")), "no file written");
    }

    private static void check(HostileInputs.Case c, int code, List<String> lines, long cpuNanos, List<String> problems) {
        if (code != c.code()) {
            problems.add(c.name() + ": exit " + code + ", expected " + c.code() + "; stderr: " + lines);
        }
        if (lines.size() != 1 || !c.matches().test(lines.get(0))) {
            problems.add(c.name() + ": stderr " + lines + ", expected the one line " + c.line());
        }
        if (cpuNanos > CPU_LIMIT_NANOS) {
            problems.add(c.name() + ": " + cpuNanos / 1e9 + " s of CPU time, over 2 s");
        }
    }

    /** A folder in which nothing can be created: a read-only one for most users, /sys or /proc for root. */
    private static Path readOnlyFolder() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-x------"));
        for (Path candidate : List.of(ro, Path.of("/sys"), Path.of("/proc"))) {
            try {
                Files.delete(Files.createDirectory(candidate.resolve("report")));
            } catch (IOException refused) {
                return candidate;
            }
        }
        throw new IllegalStateException("no read-only folder found to test --out against");
    }
}
