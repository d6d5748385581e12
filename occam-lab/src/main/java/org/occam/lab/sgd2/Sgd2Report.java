package org.occam.lab.sgd2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.occam.lab.plot.ScatterPlot;
import org.occam.lab.report.Section;

/** SGD-2's setting, runs and charts (GC, λ_max, test accuracy, ‖∇C‖² against ε/B, one colour per batch size). */
public final class Sgd2Report {
    private Sgd2Report() {
    }

    /**
     * The setting as ordered key/value pairs.
     *
     * @param r the result
     * @return the setting by name
     */
    public static Map<String, Object> setting(Sgd2Result r) {
        Sgd2Setting s = r.setting();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", "SGD-2 (METHODS §11): runs with equal eps/B cluster; regularization grows with eps/B");
        m.put("data", r.data());
        m.put("model", s.model());
        m.put("eps/B", Arrays.toString(s.ratios()));
        m.put("batch sizes", Arrays.toString(s.batchSizes()));
        m.put("epochs", s.epochs());
        m.put("seeds", s.seeds());
        m.put("optimizer", "plain SGD, random reshuffling, constant eps = (eps/B) * B, cross-entropy, float32");
        m.put("measured at the end", "GC of the logits and |grad C|^2 on the training set (exact), lambda_max by "
                + s.lanczosSteps() + " Lanczos steps, test accuracy on the test rows");
        m.put("measured at equal training loss", "the same, where the training loss first falls to " + s.lossTarget()
                + " (checked every quarter epoch)");
        return m;
    }

    /**
     * One map per run.
     *
     * @param r the result
     * @return the runs' fields
     */
    public static List<Map<String, Object>> runs(Sgd2Result r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Sgd2Run run : r.runs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", run.seed());
            m.put("eps_over_b", run.ratio());
            m.put("batch_size", run.batchSize());
            m.put("lr", run.lr());
            m.put("steps", run.steps());
            m.put("diverged", run.diverged());
            m.put("train_loss", run.trainLoss());
            m.put("test_accuracy", run.testAccuracy());
            m.put("gc_init", run.atInit().gc());
            m.put("gc", run.atEnd().gc());
            m.put("lambda_max_init", run.atInit().sharpness());
            m.put("lambda_max", run.atEnd().sharpness());
            m.put("grad_norm_sq", run.atEnd().gradNormSquared());
            m.put("target_step", run.targetStep());
            m.put("gc_at_target", run.atTarget().gc());
            m.put("lambda_max_at_target", run.atTarget().sharpness());
            m.put("grad_norm_sq_at_target", run.atTarget().gradNormSquared());
            m.put("seconds", run.seconds());
            out.add(m);
        }
        return out;
    }

    /**
     * Charts of each measure against ε/B.
     *
     * @param r the result
     * @return the sections
     */
    public static List<Section> sections(Sgd2Result r) {
        List<Section> out = new ArrayList<>();
        out.add(new Section.Heading("Measures against eps/B"));
        out.add(new Section.Text("One point per run; colours are batch sizes. Runs sharing eps/B should sit on top of"
                + " each other (they share the implicit regularizer's strength and, at equal epochs, the gradient-flow"
                + " time), and GC and lambda_max should fall from left to right."));
        chart(out, r, "gc", "GC of the logits at the end against eps/B", Sgd2Run -> Sgd2Run.atEnd().gc(), "GC", true);
        chart(out, r, "lambda_max", "Sharpness lambda_max at the end against eps/B", x -> x.atEnd().sharpness(),
                "lambda_max", true);
        chart(out, r, "gc_at_target", "GC at training loss " + r.setting().lossTarget() + " against eps/B",
                x -> x.atTarget().gc(), "GC", true);
        chart(out, r, "lambda_max_at_target", "lambda_max at training loss " + r.setting().lossTarget()
                + " against eps/B", x -> x.atTarget().sharpness(), "lambda_max", true);
        chart(out, r, "test_accuracy", "Test accuracy against eps/B", Sgd2Run::testAccuracy, "test accuracy", false);
        chart(out, r, "grad_norm_sq", "Final |grad C|^2 on the training set against eps/B",
                x -> x.atEnd().gradNormSquared(), "|grad C|^2", true);
        return out;
    }

    private static void chart(List<Section> out, Sgd2Result r, String name, String caption, ToDoubleFunction<Sgd2Run> y,
                              String yLabel, boolean logY) {
        ScatterPlot p = new ScatterPlot(caption).xLabel("eps/B").yLabel(yLabel).logX(true).logY(logY);
        for (int b : r.setting().batchSizes()) {
            List<Sgd2Run> runs = r.runs().stream().filter(x -> x.batchSize() == b).toList();
            p.add("B=" + b, runs.stream().mapToDouble(Sgd2Run::ratio).toArray(), runs.stream().mapToDouble(y).toArray(),
                    null);
        }
        if (p.hasData()) {
            out.add(new Section.Chart(name, caption, p.plot()));
        }
    }
}
