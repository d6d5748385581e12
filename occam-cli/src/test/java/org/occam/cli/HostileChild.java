package org.occam.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Runs CLI invocations one after another in this JVM (which {@link HostileInputTest} starts with a
 * small heap): reads one invocation per line of the file {@code args[0]} (arguments separated by
 * U+001F) and prints, per invocation, the exit code, the CPU nanoseconds and the Base64 of what it
 * wrote to standard error, tab-separated.
 */
public final class HostileChild {
    private HostileChild() {
    }

    static final String SEPARATOR = "\u001f";

    public static void main(String[] args) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        PrintStream out = System.out;
        PrintStream err = System.err;
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            long t0 = cpu.getCurrentThreadCpuTime();
            int code;
            try {
                code = Main.run(line.split(SEPARATOR));
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            long t = cpu.getCurrentThreadCpuTime() - t0;
            out.println(code + "\t" + t + "\t" + Base64.getEncoder().encodeToString(e.toByteArray()));
        }
    }
}
