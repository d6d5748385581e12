package org.occam.lab.seeds;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Outcome;

/**
 * A reproduction over seeds: run every seed (this JVM's pool, or a {@link SeedBackend}), judge the
 * claims on the per-seed results, write the report.
 */
public final class SeedRuns {
    private SeedRuns() {
    }

    /**
     * Writes a reproduction's report from the per-seed results and the judged claims; returns report.html.
     *
     * @param <R> the result of one seed's run
     */
    @FunctionalInterface
    public interface Report<R> {
        /**
         * Writes the report.
         *
         * @param perSeed the results, in seed order
         * @param claims the judged claims
         * @return the report.html written
         * @throws IOException when writing fails
         */
        Path write(List<R> perSeed, List<ClaimResult> claims) throws IOException;
    }

    /**
     * Runs {@code run(seed, log)} for every seed (on the pool of {@code seeds}, or as tasks of its
     * {@link SeedBackend}), judges {@code claims} on the results in seed order and writes the report.
     *
     * @param id      the reproduction's id, e.g. "EOS-1"
     * @param setting the settings record (for JSON output)
     * @param log     progress lines, each prefixed with its seed
     * @param <R> the result of one seed's run
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick run
     * @param run one seed's run
     * @param claims judges the claims on the results
     * @param report writes the report
     * @return the outcome
     */
    public static <R extends Serializable> Outcome reproduce(String id, Record setting, Seeds seeds, boolean quick,
                                                             SeedRun<R> run, Function<List<R>, List<ClaimResult>> claims,
                                                             Report<R> report, Consumer<String> log) {
        List<R> results = seeds.backend() != null ? seeds.backend().run(id, seeds.values(), run) : local(seeds, run, log);
        return judge(id, setting, seeds, quick, results, claims, report);
    }

    /**
     * As {@link #reproduce}, for a reproduction whose per-seed results stay in this JVM (they hold
     * networks or data sets): a {@link SeedBackend} is refused in one line saying {@code why}.
     *
     * @param <R>     the result of one seed's run
     * @param id      the reproduction's id
     * @param why     why its seeds cannot leave this JVM
     * @param setting the settings record (for JSON output)
     * @param seeds   the seeds and how many run at once
     * @param quick   whether it is a quick run
     * @param run     one seed's run
     * @param claims  judges the claims on the results
     * @param report  writes the report
     * @param log     progress lines, each prefixed with its seed
     * @return the outcome
     */
    public static <R> Outcome reproduceHere(String id, String why, Record setting, Seeds seeds, boolean quick,
                                            SeedRun<R> run, Function<List<R>, List<ClaimResult>> claims,
                                            Report<R> report, Consumer<String> log) {
        if (seeds.backend() != null) {
            throw new UnsupportedOperationException(id + ": its seeds cannot run on " + seeds.backend().describe() + " ("
                    + why + "); run them on this machine with --parallel N");
        }
        return judge(id, setting, seeds, quick, local(seeds, run, log), claims, report);
    }

    private static <R> List<R> local(Seeds seeds, SeedRun<R> run, Consumer<String> log) {
        Consumer<String> safe = line -> {
            synchronized (log) {
                log.accept(line);
            }
        };
        return seeds.map(seed -> run.run(seed, line -> safe.accept("seed " + seed + ": " + line)));
    }

    private static <R> Outcome judge(String id, Record setting, Seeds seeds, boolean quick, List<R> results,
                                     Function<List<R>, List<ClaimResult>> claims, Report<R> report) {
        List<ClaimResult> judged = claims.apply(results);
        try {
            return new Outcome(id, Outcome.settingOf(setting), seeds.values(), judged, quick, report.write(results, judged));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
