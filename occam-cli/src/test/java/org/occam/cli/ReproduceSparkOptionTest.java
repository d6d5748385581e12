package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce NAME --spark} is refused in one line, before any work, where it cannot run: a
 * reproduction whose seeds do not run as separate tasks, and together with --parallel. (Runs on
 * Spark are tested in occam-spark, SparkSeedsCliTest.)
 */
class ReproduceSparkOptionTest {

    @Test
    void refusedInOneLineWhereItCannotRun(@TempDir Path dir) {
        Path out = dir.resolve("r");
        CliRun.Result r = CliRun.run("reproduce", "sgd-2", "--quick", "--spark", "local[2]", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("occam: --spark: reproduce sgd-2 does not run its seeds as separate tasks yet; run it on this machine"
                + " with --parallel N", r.err().strip());
        CliRun.Result p = CliRun.run("reproduce", "eos", "--quick", "--spark", "local[2]", "--parallel", "2", "--out",
                out.toString());
        assertEquals(2, p.code(), p.err());
        assertEquals("occam: --parallel is for the local pool; with --spark the master sets how many seeds run at a time"
                + " (local[N]: N)", p.err().strip());
        assertEquals("", r.out() + p.out());
        assertFalse(Files.exists(out), "nothing was written");
    }
}
