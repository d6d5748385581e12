package org.occam.cli.reproduce.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One {@code occam reproduce NAME} subcommand: the options every reproduction shares
 * ({@code --seed}, {@code --out}), and the report path printed at the end. A subclass adds its
 * own options and runs its check in {@link #run(Path)}.
 */
@Command(mixinStandardHelpOptions = true)
public abstract class Reproduction implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "0", description = "The first (or only) seed (default ${DEFAULT-VALUE}).")
    protected long seed;

    @Option(names = "--out", description = "Folder for the report (default runs/NAME).")
    protected Path out;

    /** The subcommand's name, e.g. "eos" (also the default report folder under runs/). */
    protected abstract String name();

    /**
     * Runs the reproduction, prints its claims, writes the report into {@code dir} and returns the
     * report's path (null: nothing more to print, e.g. after {@code --json}).
     */
    protected abstract Path run(Path dir) throws Exception;

    @Override
    public final Integer call() throws Exception {
        Path report = run(out != null ? out : Path.of("runs", name()));
        if (report != null) {
            PrintStream tail = jsonOutput() ? System.err : System.out;
            tail.println();
            tail.println("report: " + report.toAbsolutePath());
        }
        return 0;
    }

    /** Whether stdout carries JSON only (then the report path goes to stderr). */
    protected boolean jsonOutput() {
        return false;
    }

    /** The value if given, else the default. */
    protected static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
