package org.occam.cli.reproduce.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Option;

/**
 * A reproduction whose claims are judged over seeds (docs/claims.md): {@code --seeds N} (at least
 * 5 unless {@code --quick}), {@code --parallel N} seeds at a time (results identical to a serial
 * run), {@code --quick} (tiny settings for tests, verdicts not evidence) and {@code --json} (the
 * claims table as JSON on standard output, progress on standard error).
 */
public abstract class SeededReproduction extends Reproduction {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--seeds", description = "Seeds --seed, --seed + 1, ...: at least 5 unless --quick (default: 5, 2 with"
            + " --quick; dd-4: 10).")
    Integer seeds;

    @Option(names = "--parallel", defaultValue = "1", description = "Seeds run at once on a local pool, each"
            + " single-threaded; results are identical to a serial run (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--quick", description = "Tiny settings, for tests and a first look: the verdicts are NOT evidence.")
    boolean quick;

    @Option(names = "--json", description = "Print the claims (the table's fields, per-seed values and the setting) as"
            + " JSON on standard output; progress goes to standard error.")
    boolean json;

    /** The seeds of a full run when {@code --seeds} is not given. */
    protected int defaultSeeds() {
        return Seeds.MIN_EVIDENCE;
    }

    /** Runs the reproduction over {@code seeds} (tiny settings when {@code quick}), writing its report into {@code dir}. */
    protected abstract Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) throws Exception;

    @Override
    protected final Path run(Path dir) throws Exception {
        int n = seeds != null ? seeds : quick ? 2 : defaultSeeds();
        if (!quick && n < Seeds.MIN_EVIDENCE) {
            throw new IllegalArgumentException("--seeds: a run without --quick needs at least " + Seeds.MIN_EVIDENCE
                    + " seeds (got " + n + "); add --quick for a smaller, non-evidential run");
        }
        Consumer<String> log = json ? System.err::println : System.out::println;
        Outcome o = reproduce(dir, new Seeds(seed, n, parallel), quick, log);
        if (json) {
            System.out.println(JSON.writeValueAsString(o.toMap()));
            return null;
        }
        System.out.println();
        o.lines().forEach(System.out::println);
        return o.report();
    }
}
