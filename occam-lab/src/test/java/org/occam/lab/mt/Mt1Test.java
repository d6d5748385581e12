package org.occam.lab.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.lab.claim.Effects;
import org.occam.lab.claim.Outcome;
import org.occam.lab.seeds.Seeds;
import org.occam.measure.GradientStats;
import org.occam.multitask.Task;
import org.occam.tensor.Tensor;

/** MT-1 end to end at a tiny size: every arm measured, claims formed, the report written. */
class Mt1Test {
    static final Mt1.Settings TINY = new Mt1.Settings("mlp:4-6-2:tanh", 30, 4, 4, 0.0, 0.1, new double[] {0.3, 0.1}, 3, 10, 0.1, 20, 2, 0, 2,
            true);

    @Test
    void tinyRunMeasuresEveryArmAndWritesTheReport(@TempDir Path dir) throws Exception {
        List<String> log = new ArrayList<>();
        Mt1.Result r = Mt1.run(TINY, log::add);
        assertEquals(2, r.joint().seeds().size());
        for (Mt1Joint.Seed sd : r.joint().seeds()) {
            assertEquals(List.of("h = 0.1", "h = 0.3"), sd.sweep().stream().map(Mt1Joint.Run::label).toList(), "rates sorted");
            assertEquals("h = 0.1 + conflict x2", sd.boosted().label());
            assertEquals("h = 0.3, conflict cancelled", sd.cancelled().label());
            assertEquals(30, sd.sweep().get(0).result().steps(), "T/h steps");
            assertEquals(10, sd.sweep().get(1).result().steps());
            for (Mt1Joint.Run run : sd.sweep()) {
                assertTrue(Double.isFinite(run.windowCosine()) && Math.abs(run.windowCosine()) <= 1, run.label());
                assertTrue(run.finalSharpness() > 0, run.label());
            }
        }
        Mt1.Problem p = Mt1.problem(TINY, 1);
        double cos0 = GradientStats.cosine(p.tasks().get(0).loss(), p.tasks().get(1).loss(), p.init());
        assertEquals(cos0, r.joint().seeds().get(1).sweep().get(0).result().rows().getFirst().metrics().cosine(0, 1), 1e-12,
                "the first record is the cosine at initialization");
        Mt1Continual.Result c = r.continual();
        assertEquals(4, c.runs().size());
        assertEquals(10, c.runs().get(0).result().steps(), "joint gets half the steps");
        assertEquals(List.of(1, 10, 100), c.gaps().stream().map(Mt1Continual.OrderGap::passes).toList());
        assertTrue(c.gaps().getFirst().corrected() < c.gaps().getFirst().plain(), c.gaps().toString());
        assertEquals(5, c.blockForgetting().size(), "B blocks of 2 steps within 20 steps");
        assertTrue(log.size() > 10, String.join("\n", log));

        Outcome o = Mt1.reproduce(TINY, new Seeds(0, 2, 1), true, dir, x -> { });
        assertEquals(8, o.claims().size(), "hλ_max, 4 joint and 3 continual claims");
        assertEquals(Effects.spearman(TINY.lrs(), r.joint().seeds().getFirst().windowCosines()), o.claims().get(1).values()[0],
                1e-12, "seed 0's ρ(h, window cos)");
        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("Claims over seeds") && page.contains("data:image/png;base64"));
        assertEquals(1 + 2 * 4, Files.readAllLines(dir.resolve("results.csv")).size(), "4 joint runs for each of 2 seeds");
        assertTrue(Files.readAllLines(dir.resolve("continual.csv")).size() > 4 * 3);
        for (String chart : List.of("cos_vs_h", "cos_vs_time", "cos_vs_loss", "loss", "forgetting", "bracket")) {
            assertTrue(Files.size(dir.resolve(chart + ".png")) > 1000, chart);
        }
    }

    @Test
    void cancellingTheSelfTermsLeavesOnlyTheConflictTermOfTheImplicitRegularizer() {
        Mt1.Problem p = Mt1.problem(TINY, 3);
        List<Function<Params, Tensor>> losses = Task.losses(p.tasks());
        double h = 0.2;
        Params theta = p.init();
        Params gA = Autodiff.grad(losses.get(0)).apply(theta);
        Params gB = Autodiff.grad(losses.get(1)).apply(theta);
        double implicit = h / 4 * gA.add(gB).dot(gA.add(gB)).item();
        double cancel = Mt1Joint.terms(losses, h, 0, true).apply(theta).item();
        assertEquals(-h / 4 * (gA.dot(gA).item() + gB.dot(gB).item()), cancel, 1e-12);
        assertEquals(h / 2 * gA.dot(gB).item(), implicit + cancel, 1e-12, "(h/4)|g_A + g_B|^2 minus the self terms");
        double both = Mt1Joint.terms(losses, h, 2, true).apply(theta).item();
        assertEquals(cancel + 2 * h / 2 * gA.dot(gB).item(), both, 1e-12, "the conflict regularizer at multiplier 2 on top");
    }
}
