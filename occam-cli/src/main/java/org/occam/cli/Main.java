package org.occam.cli;

import java.io.PrintWriter;
import org.occam.cli.run.ParentWatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code occam} command line. */
@Command(name = "occam", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "See and steer the implicit biases of gradient descent.",
        subcommands = {BenchCommand.class, DashboardCommand.class, DataCommand.class, FlowCommand.class, LandscapeCommand.class, MeasureCommand.class, OodCommand.class, ReportCommand.class, ReproduceCommand.class, SweepCommand.class, TrainCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set by {@code --debug} (on any command) or OCCAM_DEBUG=1: failures also print their Java trace. */
    private static volatile boolean debug;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On a failure, also print the Java stack trace (or set OCCAM_DEBUG=1).")
    void debug(boolean on) {
        debug |= on;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        ParentWatch.installFromEnvironment(); // a relaunched child (train/measure --spark) ends with its parent
        System.exit(run(args));
    }

    /**
     * Runs the CLI and returns the exit code (used by tests). Every failure is one line
     * {@code occam: …} on standard error ({@link Failures}): exit 2 for bad input, 1 for a failure
     * while running; the trace follows only with {@code --debug} or OCCAM_DEBUG=1.
     */
    public static int run(String... args) {
        debug = "1".equals(System.getenv("OCCAM_DEBUG"));
        CommandLine cl = new CommandLine(new Main());
        CommandList.install(cl);
        MeasureCommand.listMetrics(cl.getSubcommands().get("measure"));
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String hint = ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                    ? "; did you mean " + String.join(" or ", u.getSuggestions()) + "?" : "";
            c.getErr().println("occam: " + Failures.oneLine(ex.getMessage()) + hint + " (see: "
                    + c.getCommandSpec().qualifiedName() + " --help)");
            trace(c.getErr(), ex);
            return Failures.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> report(line.getErr(),
                ex instanceof CommandLine.ExecutionException && ex.getCause() != null ? ex.getCause() : ex));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return report(cl.getErr(), e);
        }
    }

    private static int report(PrintWriter err, Throwable t) {
        Failures.Report r = Failures.of(t);
        err.println(r.line());
        trace(err, t);
        err.flush();
        return r.code();
    }

    private static void trace(PrintWriter err, Throwable t) {
        if (debug) {
            t.printStackTrace(err);
        }
    }
}
