package org.occam.lab.eos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.LrSweepCurves;
import org.occam.lab.report.ReportChecks;
import org.occam.lab.seeds.Seeds;

/** EOS-1 end to end at a tiny size: the runs, the claims and the report. */
class EosSweepTest {
    @Test
    void eosTiny(@TempDir Path dir) throws Exception {
        EosSweep.Settings s = new EosSweep.Settings("mlp:64-8-10:tanh", 60, new double[] {0.05, 0.2}, 30, 10, 5, 0);
        List<String> log = new ArrayList<>();
        EosSweep.Result r = EosSweep.run(s, log::add);
        assertEquals(2, r.runs().size());
        assertEquals(2, log.size());
        for (EosSweep.Run run : r.runs()) {
            assertEquals(3, run.eos().measurements(), "steps 0, 10 and 20 (the final row has no 2/h)");
            assertTrue(run.eos().initialSharpness() > 0, run.toString());
            assertEquals(30, LrSweepCurves.curve(run.rows(), "loss").size(), "a loss every step");
        }
        Outcome serial = EosSweep.reproduce(s, new Seeds(0, 2, 1), true, dir, x -> { });
        assertEquals(List.of("EOS-1 sharpening", "EOS-1 at the edge", "EOS-1 loss falls", "EOS-1 non-monotone"),
                serial.claims().stream().map(c -> c.claim().id()).toList());
        assertEquals(2, serial.claims().getFirst().n());
        assertEquals(Math.log(r.runs().getFirst().eos().sharpeningRatio()) / 2 + Math.log(r.runs().getLast().eos()
                .sharpeningRatio()) / 2, serial.claims().getFirst().values()[0], 1e-12, "seed 0's statistic: the mean over rates");
        ReportChecks.assertReport(dir, "sharpness", "edge_ratio", "loss");
        Outcome parallel = EosSweep.reproduce(s, new Seeds(0, 2, 2), true, dir.resolve("p"), x -> { });
        for (int i = 0; i < serial.claims().size(); i++) {
            assertArrayEquals(serial.claims().get(i).values(), parallel.claims().get(i).values(), "bit-identical on a pool");
        }
    }
}
