package org.occam.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.claim.Outcome;
import org.occam.lab.clr.ClrSweep;
import org.occam.lab.eos.EosSweep;
import org.occam.lab.igr.IgrData;
import org.occam.lab.igr.IgrResult;
import org.occam.lab.igr.IgrSetting;
import org.occam.lab.igr.IgrSweep;
import org.occam.lab.igr.IgrSweepReport;
import org.occam.lab.mt.Mt1;
import org.occam.lab.seeds.Seeds;
import org.occam.tensor.DType;

/** One format for h and μ: the formatter itself, then the reports, claims, CSV and console lines of four reproductions. */
class RatesTest {
    @Test
    void oneFormat() {
        assertEquals("h = 0.1", Rates.h(0.1));
        assertEquals("h = 0.05", Rates.h(0.05));
        assertEquals("h = 0.3333", Rates.h(1.0 / 3));
        assertEquals("h = 2.5e-05", Rates.h(2.5e-5));
        assertEquals("h = 2", Rates.h(2));
        assertEquals("μ = 0.005", Rates.mu(0.005));
        assertEquals("h = 0.01, 0.02, 0.05", Rates.hs(0.01, 0.02, 0.05));
    }

    /** The checker catches each old spelling and passes the new one, so the report checks below can fail. */
    @Test
    void checkerCatchesTheOldSpellings() {
        for (String bad : List.of("GD h=0.1", "h = 0.1000", "h = 1.000e-01", "lr 0.1", "SGD lr 0.05,", "EGR mu=0.005",
                "h_max = 5.0", "eps 0.1", "μ=0.01")) {
            assertEquals(1, RateChecks.violations(bad).size(), bad);
        }
        assertEquals(List.of(), RateChecks.violations("GD h = 0.1 + EGR μ = 0.005 (h = 0.01, 0.02); 2/h = 40.000; h_t = 2/v_t;"
                + " h = E/(‖g‖² + δ); h·λ_max ≤ 1.8; learning rate h (GD)"));
    }

    @Test
    void reproductionReportsPrintRatesOneWay(@TempDir Path dir) throws Exception {
        List<String> log = new ArrayList<>();
        IgrSetting igr = new IgrSetting("mlp:784-8-10:relu", 100, new double[] {0.1, 0.2}, new double[] {0.05},
                new double[] {0.3}, 1.8, 200, 0, 2, 1.0, 4, 6, 0.5, DType.FLOAT32, true);
        IgrResult r = IgrSweep.run(igr, IgrData.embeddedMnist(igr.trainSize(), igr.dtype()), 1, log::add);
        Outcome o = IgrSweepReport.write(r, 1.0, dir.resolve("igr"));
        log.addAll(o.lines());
        assertTrue(r.claims().stream().anyMatch(c -> c.claim().statistic().contains("b: EGR μ = 0.05 vs μ = 0 at h = 0.1,")),
                "the claim labels carry the rates");

        EosSweep.reproduce(new EosSweep.Settings("mlp:64-8-10:tanh", 60, new double[] {0.05, 0.2}, 30, 10, 5, 0),
                new Seeds(0, 1, 1), true, dir.resolve("eos"), log::add).lines().forEach(log::add);
        ClrSweep.reproduce(new ClrSweep.Settings(20, 80, new double[] {0.01, 0.05}, "mlp:64-4-1:tanh", new double[] {1, 3},
                1e-2, 300, 100, 30, 0), new Seeds(0, 1, 1), true, dir.resolve("clr"), log::add).lines().forEach(log::add);
        Mt1.reproduce(new Mt1.Settings("mlp:4-6-2:tanh", 30, 4, 4, 0.0, 0.1, new double[] {0.3, 0.1}, 3, 10, 0.1, 20, 2, 0, 2,
                true), new Seeds(0, 1, 1), true, dir.resolve("mt"), log::add).lines().forEach(log::add);

        RateChecks.assertConsistent(String.join("\n", log), "console lines");
        assertTrue(RateChecks.assertConsistentFiles(dir) >= 12, "report.html, results.csv, claims.json of each");
        assertTrue(String.join("\n", log).contains("h = 0.2"), "the console lines name the rates");
    }
}
