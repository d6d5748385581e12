package org.occam.cli;

import org.occam.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code occam} command line. */
@Command(name = "occam", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "See and steer the implicit biases of gradient descent.",
        subcommands = {BenchCommand.class, DataCommand.class, FlowCommand.class, MeasureCommand.class, OodCommand.class, ReportCommand.class, ReproduceCommand.class, SweepCommand.class, TrainCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (used by tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        CommandList.install(cl);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof UnsupportedOperationException
                    || ex instanceof DataException || ex instanceof java.io.UncheckedIOException) {
                line.getErr().println("occam: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }
}
