package org.occam.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clean-up steps after a failure run in turn; their own failures are suppressed under the first. */
class FirstFailureTest {

    @Test
    void laterFailuresAreSuppressedAndEveryStepRuns() {
        RuntimeException checkpoint = new UncheckedIOException(new IOException("No space left on device (checkpoint)"));
        RuntimeException csv = new UncheckedIOException(new IOException("No space left on device (metrics.csv)"));
        List<String> ran = new ArrayList<>();
        FirstFailure.attempt(checkpoint, () -> ran.add("status"));
        FirstFailure.attempt(checkpoint, () -> {
            ran.add("csv");
            throw csv;
        });
        FirstFailure.attempt(checkpoint, () -> ran.add("after"));
        FirstFailure.attempt(checkpoint, () -> {
            throw checkpoint; // the same failure again is not its own suppressed
        });
        assertEquals(List.of("status", "csv", "after"), ran);
        assertArrayEquals(new Throwable[] {csv}, checkpoint.getSuppressed());
    }
}
