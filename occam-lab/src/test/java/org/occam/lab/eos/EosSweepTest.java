package org.occam.lab.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.report.LrSweepCurves;
import org.occam.lab.report.ReportChecks;

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
        assertEquals(6, r.claims().size(), "three claims per rate");
        EosSweepReport.write(r, dir);
        ReportChecks.assertReport(dir, "sharpness", "edge_ratio", "loss");
    }
}
