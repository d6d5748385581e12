package org.occam.cli.reproduce.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.occam.lab.report.ClaimPages;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.ClaimTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A reproduction judged by claims over seeds (docs/claims.md): the shared options {@code --seeds},
 * {@code --quick}, {@code --json}, {@code --out} and {@code --parallel}; prints the claim table
 * (or, with {@code --json}, one JSON object on stdout and the progress on stderr) and writes
 * report.html and results.csv. A subclass runs its reproduction from the org.occam.lab package.
 */
@Command(mixinStandardHelpOptions = true)
public abstract class ClaimReproduction implements Callable<Integer> {

    @Option(names = "--seeds", description = "Seeds (default: 5, or 2 with --quick).")
    protected Integer seeds;

    @Option(names = "--quick", description = "Tiny settings for tests (embedded digits); the verdicts are not evidence.")
    protected boolean quick;

    @Option(names = "--json", description = "Print the claims, settings and runs as one JSON object on stdout.")
    protected boolean json;

    @Option(names = "--out", description = "Folder for report.html and results.csv (default runs/NAME).")
    protected Path out;

    @Option(names = "--parallel", defaultValue = "1",
            description = "Runs at a time (default ${DEFAULT-VALUE}); results are bit-identical to one at a time.")
    protected int parallel;

    /**
     * What a reproduction hands back to the command.
     *
     * @param title   the report's title
     * @param setting the setting in words and numbers (JSON and report)
     * @param claims  the judged claims
     * @param runs    one map per run (JSON; results.csv has the same columns)
     * @param seconds wall time
     * @param pages   the reproduction's own report sections
     */
    protected record Outcome(String title, Map<String, Object> setting, List<ClaimResult> claims,
                             List<Map<String, Object>> runs, double seconds, ClaimPages.Extra pages) {
    }

    /** The subcommand's name, e.g. "sgd-2". */
    protected abstract String name();

    /** Runs the reproduction (quick or full, with the seeds if given), logging progress. */
    protected abstract Outcome run(Consumer<String> log) throws Exception;

    /** The seeds asked for, else the default. */
    protected int seeds(int fallback) {
        if (seeds != null && seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        }
        return seeds != null ? seeds : fallback;
    }

    @Override
    public final Integer call() throws Exception {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
        PrintStream progress = json ? System.err : System.out;
        Outcome o = run(progress::println);
        Path report = ClaimPages.write(out != null ? out : Path.of("runs", name()), o.title(), quick, o.setting(),
                o.claims(), o.runs(), o.pages());
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("reproduction", name());
            j.put("quick", quick);
            if (quick) {
                j.put("warning", ClaimTable.QUICK_WARNING);
            }
            j.put("seconds", o.seconds());
            j.put("setting", o.setting());
            j.put("claims", o.claims().stream().map(ClaimResult::toMap).toList());
            j.put("runs", o.runs());
            j.put("report", report.toAbsolutePath().toString());
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j));
        } else {
            System.out.println();
            for (String line : ClaimTable.lines(o.claims(), quick)) {
                System.out.println(line);
            }
            System.out.println();
            System.out.println(String.format(Locale.ROOT, "wall time %.1f s", o.seconds()));
            System.out.println("report: " + report.toAbsolutePath());
        }
        return 0;
    }
}
