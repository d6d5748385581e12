package org.occam.lab.sgd3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.occam.lab.plot.ScatterPlot;
import org.occam.lab.report.Section;

/** SGD-3's setting, runs and charts (test accuracy and λ_max per arm, one point per seed). */
public final class Sgd3Report {
    private Sgd3Report() {
    }

    /**
     * The setting as ordered key/value pairs.
     *
     * @param r the result
     * @return the setting by name
     */
    public static Map<String, Object> setting(Sgd3Result r) {
        Sgd3Setting s = r.setting();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", "SGD-3 (METHODS §11): small vs large batch vs large batch + micro-batch regularizer");
        m.put("data", r.data());
        m.put("model", s.model());
        m.put("eps (all arms)", s.lr());
        m.put("small batch B_s", s.smallBatch());
        m.put("large batch B_l", s.largeBatch());
        m.put("regularizer", "C + (lambda/(4m)) sum_k |grad C_k|^2 over the m = B_l/B_s micro-batches of B_s rows,"
                + " lambda = " + s.lambda() + " (METHODS §2.2: about the small-batch learning rate)");
        m.put("epochs", s.epochs());
        m.put("seeds", s.seeds());
        m.put("optimizer", "plain SGD, random reshuffling, constant eps, cross-entropy, float32");
        return m;
    }

    /**
     * One map per run.
     *
     * @param r the result
     * @return the runs' fields
     */
    public static List<Map<String, Object>> runs(Sgd3Result r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Sgd3Run run : r.runs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", run.seed());
            m.put("arm", run.arm().words());
            m.put("batch_size", run.batchSize());
            m.put("steps", run.steps());
            m.put("diverged", run.diverged());
            m.put("train_loss", run.trainLoss());
            m.put("test_accuracy", run.testAccuracy());
            m.put("gc", run.atEnd().gc());
            m.put("lambda_max", run.atEnd().sharpness());
            m.put("grad_norm_sq", run.atEnd().gradNormSquared());
            m.put("seconds", run.seconds());
            out.add(m);
        }
        return out;
    }

    /**
     * Test accuracy and λ_max per arm.
     *
     * @param r the result
     * @return the sections
     */
    public static List<Section> sections(Sgd3Result r) {
        List<Section> out = new ArrayList<>();
        out.add(new Section.Heading("The three arms, per seed"));
        out.add(new Section.Text("x = 0: small batch, 1: large batch, 2: large batch + regularizer; one point per seed."
                + " The regularizer should lift the large batch's test accuracy towards the small batch's and lower its"
                + " lambda_max."));
        chart(out, r, "test_accuracy", "Test accuracy per arm", Sgd3Run::testAccuracy, "test accuracy", false);
        chart(out, r, "lambda_max", "Sharpness lambda_max per arm", x -> x.atEnd().sharpness(), "lambda_max", true);
        chart(out, r, "train_loss", "Final training loss per arm", Sgd3Run::trainLoss, "training loss", true);
        return out;
    }

    private static void chart(List<Section> out, Sgd3Result r, String name, String caption, ToDoubleFunction<Sgd3Run> y,
                              String yLabel, boolean logY) {
        ScatterPlot p = new ScatterPlot(caption).xLabel("arm (0 small, 1 large, 2 large + regularizer)").yLabel(yLabel)
                .logY(logY);
        for (Arm a : Arm.values()) {
            List<Sgd3Run> runs = r.runs().stream().filter(x -> x.arm() == a).toList();
            p.add(a.words(), runs.stream().mapToDouble(x -> a.ordinal()).toArray(), runs.stream().mapToDouble(y).toArray(),
                    null);
        }
        if (p.hasData()) {
            out.add(new Section.Chart(name, caption, p.plot()));
        }
    }
}
