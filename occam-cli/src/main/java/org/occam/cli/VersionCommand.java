package org.occam.cli;

import java.util.concurrent.Callable;
import org.occam.tensor.kernel.Parallel;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Prints the version and the runtime Occam will use. */
@Command(name = "version", description = "Print Occam's version, the JVM and the vector width in use.")
public final class VersionCommand implements Callable<Integer> {
    static final String VERSION = "0.1.0-SNAPSHOT";

    /** Supplies --version output to picocli. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines();
        }
    }

    static String[] lines() {
        return new String[] {
            "occam " + VERSION,
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            "vector species: float " + jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length() + " lanes, double "
                    + jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length() + " lanes",
            "threads: " + Parallel.threads() + " (set OCCAM_THREADS to change)"
        };
    }

    @Override
    public Integer call() {
        for (String l : lines()) {
            System.out.println(l);
        }
        return 0;
    }
}
