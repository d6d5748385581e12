package org.occam.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two "did not learn" rules, at and around their thresholds. */
class NoLearningTest {

    @Test
    void chanceAccuracyAndALossFarAboveItsStartAreFlagged() {
        assertTrue(NoLearning.judge(2.3, 2.2, 0.11, 10).orElseThrow().contains("chance (1/10"));
        assertEquals(Optional.empty(), NoLearning.judge(2.3, 2.2, 0.13, 10));
        assertTrue(NoLearning.judge(0.5, 0.8, null, 0).orElseThrow().contains("far above 0.5000 at the start"));
        assertEquals(Optional.empty(), NoLearning.judge(0.5, 0.7, null, 0));
        assertEquals(Optional.empty(), NoLearning.judge(2.3, 0.1, 0.98, 10));
    }
}
