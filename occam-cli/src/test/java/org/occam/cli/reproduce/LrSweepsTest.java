package org.occam.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.Main;

/** The EOS-1, DAL-1 and CLR-1 reproductions end to end at tiny sizes, and their CLI dispatch. */
class LrSweepsTest {

    static void assertReport(Path dir, String... charts) throws Exception {
        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("Observed trends next to the claims") && page.contains("data:image/png;base64"), "report");
        assertTrue(Files.readString(dir.resolve("summary.txt")).contains("claim:"));
        assertTrue(Files.size(dir.resolve("results.csv")) > 0);
        for (String c : charts) {
            assertTrue(Files.size(dir.resolve(c + ".png")) > 1000, c + ".png");
        }
    }

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
        assertReport(dir, "sharpness", "edge_ratio", "loss");
    }

    @Test
    void dalTiny(@TempDir Path dir) throws Exception {
        DalSweep.Settings s = new DalSweep.Settings("mlp:64-8-10:tanh", 60, new double[] {0, 1, 2}, 0.05, 5, 20, 5, 0);
        DalSweep.Result r = DalSweep.run(s, x -> { });
        assertEquals(4, r.runs().size(), "three powers with exact HVPs and p = 1 by finite difference");
        DalSweep.Run exact = r.runs().get(1);
        DalSweep.Run fd = r.runs().get(3);
        assertEquals(1, exact.power());
        assertTrue(exact.edgeCheck() < 1e-5, "h_t = 2/v_t with an exact HVP: " + exact.edgeCheck());
        assertTrue(fd.edgeCheck() > 0 && fd.edgeCheck() < 0.05, "finite difference within O(eps): " + fd.edgeCheck());
        assertEquals(0.05, r.runs().get(0).medianLr(), 0, "p = 0 is plain GD at the base rate");
        assertTrue(r.claims().stream().anyMatch(c -> c.id().contains("rho(p, h_t)")));
        DalSweepReport.write(r, dir);
        assertReport(dir, "dal_lr", "edge_check", "loss");
    }

    @Test
    void clrTiny(@TempDir Path dir) throws Exception {
        ClrSweep.Settings s = new ClrSweep.Settings(20, 80, new double[] {0.01, 0.05}, "mlp:64-4-1:tanh", new double[] {1, 3},
                1e-2, 300, 100, 30, 0);
        ClrSweep.Result r = ClrSweep.run(s, x -> { });
        assertEquals(2 * (2 + 2 + 2), r.runs().size());
        ClrSweep.Run clr = r.runs().get(0);
        assertEquals("CLR", clr.rule());
        assertTrue(clr.reached(), "CLR reaches 1e-2 on least squares: " + clr);
        for (LrSweepClaim c : r.claims()) {
            if (c.id().startsWith("COR-1")) {
                assertTrue(c.consistent(), c.describe());
            }
        }
        ClrSweepReport.write(r, dir);
        assertReport(dir, "least_squares", "logistic", "clr_rate");
    }

    @Test
    void cliDispatchesTheThreeReproductions(@TempDir Path dir) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("reproduce", "eos", "--samples", "40", "--max-steps", "10", "--every", "5", "--lrs",
                    "0.05", "--model", "mlp:64-6-10:tanh", "--out", dir.resolve("eos").toString()));
            assertEquals(0, Main.run("reproduce", "dal", "--samples", "40", "--max-steps", "10", "--every", "5", "--powers",
                    "1", "--model", "mlp:64-6-10:tanh", "--out", dir.resolve("dal").toString()));
            assertEquals(0, Main.run("reproduce", "clr", "--samples", "20", "--max-steps", "100", "--model",
                    "mlp:64-4-1:tanh", "--out", dir.resolve("clr").toString()));
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.contains("EOS-1") && out.contains("DAL-1") && out.contains("CLR-1") && out.contains("COR-1"), out);
        for (String n : List.of("eos", "dal", "clr")) {
            assertTrue(Files.exists(dir.resolve(n).resolve("report.html")), n);
        }
        assertEquals(2, Main.run("reproduce", "eos", "--powers", "1", "--out", dir.resolve("x").toString()),
                "an option the reproduction does not use is an error");
        assertEquals(2, Main.run("reproduce", "nope"));
    }
}
