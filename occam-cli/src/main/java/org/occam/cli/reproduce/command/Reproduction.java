package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.occam.lab.claim.LrSweepClaim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One {@code occam reproduce NAME} subcommand: the options every reproduction shares
 * ({@code --seed}, {@code --out}), and the report path printed at the end. A subclass adds its
 * own options and runs its check in {@link #run(Path)}.
 */
@Command(mixinStandardHelpOptions = true)
public abstract class Reproduction implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "0", description = "Initialization seed (default ${DEFAULT-VALUE}).")
    protected long seed;

    @Option(names = "--out", description = "Folder for the report (default runs/NAME).")
    protected Path out;

    /** The subcommand's name, e.g. "eos" (also the default report folder under runs/). */
    protected abstract String name();

    /** Runs the reproduction, prints its claims, writes the report into {@code dir} and returns the report's path. */
    protected abstract Path run(Path dir) throws Exception;

    @Override
    public final Integer call() throws Exception {
        Path report = run(out != null ? out : Path.of("runs", name()));
        System.out.println();
        System.out.println("report: " + report.toAbsolutePath());
        return 0;
    }

    /** Prints "Observed trends next to the claims:" and one line per claim. */
    protected static void printClaims(List<LrSweepClaim> claims, Consumer<String> out) {
        out.accept("");
        out.accept("Observed trends next to the claims:");
        for (LrSweepClaim c : claims) {
            out.accept("  " + c.describe());
        }
    }

    /** The value if given, else the default. */
    protected static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
