package org.occam.lab.morse;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.occam.data.Dataset;
import org.occam.io.AtomicFiles;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Series;
import org.occam.lab.report.ClaimSections;
import org.occam.lab.report.Pages;
import org.occam.lab.report.Section;
import org.occam.morse.Calibration;
import org.occam.morse.MorseFit;
import org.occam.morse.OodMetrics;
import org.occam.tensor.Tensor;

/** Writes the {@code occam ood} results: report.html (charts embedded, also saved as PNG), results.csv and summary.txt. */
public final class OodReport {
    private static final Color DATA = new Color(255, 255, 255, 200);
    private static final Color FAR = new Color(0xD55E00);
    private static final Color START = new Color(200, 200, 200, 190);
    private static final Color ASCENT = new Color(0xE69F00);
    private static final Color LANGEVIN = new Color(0xCC79A7);
    private static final Color[] CLASS = {new Color(0x56B4E9), new Color(0xF0E442), new Color(0x009E73), new Color(0xCC79A7)};

    private OodReport() {
    }

    /**
     * Writes the toy report into {@code dir} (the first seed's fit, the claims over all seeds); returns report.html.
     *
     * @param seeds the result of each seed
     * @param claims the judged claims
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @return report.html
     * @throws IOException when writing fails
     */
    public static Path writeToy(List<ToyExperiment.Result> seeds, List<ClaimResult> claims, boolean quick, Path dir)
            throws IOException {
        ToyExperiment.Result r = seeds.getFirst();
        List<Section> s = new ArrayList<>();
        ToyExperiment.Settings st = r.settings();
        ToyExperiment.Unsupervised u = r.unsupervised();
        s.add(new Section.Text("METHODS §11 MORSE-1. A Morse network M(x) = K(φ(x), T) (METHODS §8) is fitted to "
                + r.train().size() + " points of " + st.dataset() + " (noise " + st.noise() + ") with φ = " + u.network().phi().describe()
                + ", the " + st.kernel() + " kernel, target T = 0, and the loss E_data[−log K(φ(x), T)] + w·E_U[K(φ(u), T)] with U "
                + "uniform on the " + u.box().describe() + " and w = " + ToyExperiment.fmt(u.referenceWeight())
                + (Double.isNaN(st.referenceWeight()) ? " = V, its volume (the KL with respect to Lebesgue measure, METHODS §8: the fit "
                        + "then approximates the data density, which here peaks below 1)" : " (given)") + ". With φ: R² → R^"
                + u.network().dim() + ", the modes {φ = T} are curves. In-distribution: " + r.test().size() + " held-out points; OOD: "
                + "as many box points farther than " + st.farGap() + " from every training point. Scores are −log M."));
        s.addAll(ClaimSections.of(claims, quick));
        s.add(new Section.Heading("Seed " + r.settings().seed() + " (the first seed)"));
        s.add(Section.Table.of(List.of("metric", "value"), rows(
                "AUROC", f(u.metrics().auroc()), "AUPR-out", f(u.metrics().auprOut()), "AUPR-in", f(u.metrics().auprIn()),
                "FPR at 95% TPR", f(u.metrics().fprAt95Tpr()), "mean M, held-out data", f(u.meanDensityIn()),
                "90th percentile of M, held-out data", f(u.upperDensityIn()),
                "mean M, far points", f(u.meanDensityOut()), "max M on the grid", f(u.maxDensityGrid()),
                "sampler: mean distance to data, start", f(u.distanceBefore()), "… after gradient ascent", f(u.distanceAfter()),
                "… after Langevin", f(u.distanceLangevin()), "fraction of ascent samples within 2σ of the data", f(u.nearFraction()),
                "fit time (s)", f(u.fit().millis() / 1e3), "total time (s)", f(r.millis() / 1e3))));
        double[][] tr = xy(r.train().x());
        double[][] far = xy(u.far());
        s.add(new Section.Chart("density", "Morse density M(x) with the training data (white) and the OOD box points (orange)",
                new DensityPlot("Morse density M(x) = K(φ(x), 0)").grid(u.density()).range(0, 1)
                        .barLabel("M").points("training data", tr[0], tr[1], DATA, 3.5)
                        .points("OOD points (> " + st.farGap() + " away)", far[0], far[1], FAR, 4).plot()));
        double[][] a = xy(u.samplerStart());
        double[][] b = xy(u.samplerEnd());
        double[][] c = xy(u.langevinEnd());
        s.add(new Section.Chart("samples", "Sampler: reference draws (grey) flow by gradient ascent on log M (orange), then "
                + st.langevinSteps() + " Langevin steps (pink)",
                new DensityPlot("Samples from the Morse network").grid(u.density()).range(0, 1)
                        .barLabel("M").points("start: uniform box draws", a[0], a[1], START, 4)
                        .points("after " + st.samplerSteps() + " ascent steps", b[0], b[1], ASCENT, 5)
                        .points("after Langevin", c[0], c[1], LANGEVIN, 5).plot()));
        s.add(new Section.Chart("scores", "OOD score −log M: held-out data vs far box points",
                ScoreHistogram.plot("Score histograms", "−log M(x)", "held-out data", u.inScores(), "far box points", u.outScores())));
        s.add(new Section.Chart("loss", "Morse loss terms during the fit", lossPlot("unsupervised fit", u.fit())));
        ToyExperiment.Supervised sup = r.supervised();
        if (sup != null) {
            s.add(new Section.Heading("Supervised variant: a distance-aware classifier"));
            s.add(new Section.Text("M(x, y) = K(φ(x), T_y) with one-hot targets in R^" + sup.network().classes() + ", p(y|x) = "
                    + "M(x, y)/Σ M(x, y'). Far from the data the Morse temperature τ = 1/max_y M(x, y) flattens the tempered "
                    + "classifier softmax(log M(x, ·)/τ) to uniform; the raw ratio of Gaussian kernels need not go to 1/C."));
            s.add(Section.Table.of(List.of("metric", "raw", "tempered (τ = 1/M)"), List.of(
                    List.of("test accuracy", f(sup.accuracy()), f(sup.accuracy())),
                    List.of("mean confidence, held-out data", f(sup.testConfidenceRaw()), f(sup.testConfidenceTempered())),
                    List.of("mean confidence, circle 3× the box", f(sup.farConfidenceRaw()), f(sup.farConfidenceTempered())),
                    List.of("ECE (10 bins), held-out data", f(sup.eceRaw()), f(sup.eceTempered())))));
            double[][][] byClass = byClass(r.train());
            for (String kind : new String[] {"raw", "tempered"}) {
                DensityPlot p = new DensityPlot("Confidence max_y p(y|x), " + kind)
                        .grid(kind.equals("raw") ? sup.rawConfidence() : sup.temperedConfidence())
                        .range(1.0 / sup.network().classes(), 1).barLabel("conf.");
                for (int k = 0; k < byClass.length; k++) {
                    p.points("class " + k, byClass[k][0], byClass[k][1], CLASS[k % CLASS.length], 3.5);
                }
                s.add(new Section.Chart("confidence_" + kind, "Supervised Morse classifier confidence, " + kind
                        + " (the grid spans 3× the reference box)", p.plot()));
            }
        }
        s.add(new Section.Heading("Settings"));
        s.add(new Section.Code(st.toString().replace(", ", "\n  ").replace("Settings[", "Settings[\n  ")));
        StringBuilder csv = new StringBuilder("metric,value\n");
        csv.append(row("auroc", u.metrics().auroc())).append(row("aupr_out", u.metrics().auprOut()))
                .append(row("aupr_in", u.metrics().auprIn())).append(row("fpr95", u.metrics().fprAt95Tpr()))
                .append(row("mean_density_in", u.meanDensityIn())).append(row("mean_density_out", u.meanDensityOut()))
                .append(row("max_density_grid", u.maxDensityGrid())).append(row("sampler_distance_before", u.distanceBefore()))
                .append(row("sampler_distance_after", u.distanceAfter())).append(row("langevin_distance", u.distanceLangevin()));
        if (sup != null) {
            csv.append(row("supervised_accuracy", sup.accuracy())).append(row("far_confidence_raw", sup.farConfidenceRaw()))
                    .append(row("far_confidence_tempered", sup.farConfidenceTempered()));
        }
        return write(dir, "MORSE-1: Morse network on " + st.dataset(), s, csv.toString(), claims, quick);
    }

    /**
     * Writes the MNIST report into {@code dir} (the first seed's detectors, the claims over all seeds); returns report.html.
     *
     * @param seeds the result of each seed
     * @param claims the judged claims
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @return report.html
     * @throws IOException when writing fails
     */
    public static Path writeMnist(List<MnistExperiment.Result> seeds, List<ClaimResult> claims, boolean quick, Path dir)
            throws IOException {
        MnistExperiment.Result r = seeds.getFirst();
        MnistExperiment.Settings st = r.settings();
        List<Section> s = new ArrayList<>();
        s.add(new Section.Text("In-distribution: the first " + st.testSize() + " MNIST test images; OOD: the first " + st.oodSize()
                + " Fashion-MNIST test images. A classifier " + st.classifier() + " is trained on the first " + st.trainSize()
                + " MNIST training images (" + st.classifierSteps() + " Adam steps, test accuracy " + f(r.testAccuracy()) + "). "
                + "The baseline scores inputs by 1 − max softmax (MSP). Morse heads (METHODS §8) are fitted on the frozen "
                + "penultimate embeddings with the loss E_data[−log K(ψ(e), T_y)] + E_ν[K(ψ(e), T_y)] (reference weight 1: KL "
                + "with respect to the reference ν, since a box volume in embedding space is not representable), and score "
                + "inputs by −log M. The Morse temperature τ = M^−α (α = " + ToyExperiment.fmt(st.temperatureExponent()) + ") of '"
                + r.temperatureSource() + "' tempers the classifier's logits. Accuracy: the classifier's for the MSP rows, the "
                + "head's own p(y|x) = M(x, y)/Σ M(x, y') for supervised heads."));
        s.addAll(ClaimSections.of(claims, quick));
        s.add(new Section.Heading("Seed " + r.settings().seed() + " (the first seed)"));
        s.add(new Section.Heading("Detectors"));
        List<List<String>> rows = new ArrayList<>();
        for (MnistExperiment.Detector d : r.detectors()) {
            OodMetrics m = d.metrics();
            rows.add(List.of(d.name(), f(m.auroc()), f(m.auprIn()), f(m.auprOut()), f(m.fprAt95Tpr()),
                    Double.isNaN(d.headAccuracy()) ? "-" : f(d.headAccuracy()), f(d.meanDensityIn()), f(d.meanDensityOut()),
                    d.millis() == 0 ? "-" : f(d.millis() / 1e3), d.description()));
        }
        s.add(Section.Table.of(List.of("detector", "AUROC", "AUPR-in", "AUPR-out", "FPR@95%TPR", "accuracy", "mean M (in)",
                "mean M (out)", "fit (s)", "what"), rows));
        for (MnistExperiment.Detector d : r.detectors()) {
            String label = d.name().startsWith("Morse") ? "−log M(x)" : "1 − max softmax";
            s.add(new Section.Chart(slug(d.name()), d.name() + ": score histograms, MNIST test vs Fashion-MNIST",
                    ScoreHistogram.plot(d.name(), label, "MNIST (in)", d.in(), "Fashion-MNIST (out)", d.out(), true)));
        }
        s.add(new Section.Heading("Calibration and the Morse temperature"));
        s.add(Section.Table.of(List.of("", "raw classifier", "tempered, τ = M^−α"), List.of(
                List.of("ECE (15 bins), MNIST test", f(r.raw().ece()), f(r.tempered().ece())),
                List.of("MCE, MNIST test", f(r.raw().mce()), f(r.tempered().mce())),
                List.of("mean confidence, MNIST test", f(r.mnistConfidenceRaw()), f(r.mnistConfidenceTempered())),
                List.of("mean confidence, Fashion-MNIST", f(r.fashionConfidenceRaw()), f(r.fashionConfidenceTempered())))));
        s.add(new Section.Chart("reliability", "Reliability diagram on MNIST test (accuracy per confidence bin; dashed: perfect calibration)",
                reliability(r.raw(), r.tempered())));
        s.add(binsTable(r.raw(), r.tempered()));
        LinePlot curves = new LinePlot("Morse head losses").xLabel("step").yLabel("loss").logY(true);
        for (MnistExperiment.Detector d : r.detectors()) {
            if (!d.curve().isEmpty()) {
                curves.add(lossSeries(d.name(), d.curve()).positive(false, true));
            }
        }
        if (curves.hasData()) {
            s.add(new Section.Chart("head_loss", "Loss of each Morse head during its fit", curves.plot()));
        }
        s.add(new Section.Heading("Settings"));
        s.add(new Section.Code(st.toString().replace(", ", "\n  ").replace("Settings[", "Settings[\n  ")));
        StringBuilder csv = new StringBuilder("detector,auroc,aupr_in,aupr_out,fpr95,accuracy,fit_seconds\n");
        for (MnistExperiment.Detector d : r.detectors()) {
            OodMetrics m = d.metrics();
            csv.append(String.format(Locale.ROOT, "\"%s\",%.6f,%.6f,%.6f,%.6f,%.6f,%.3f%n", d.name(), m.auroc(), m.auprIn(), m.auprOut(),
                    m.fprAt95Tpr(), d.headAccuracy(), d.millis() / 1e3));
        }
        return write(dir, "Morse heads: MNIST vs Fashion-MNIST", s, csv.toString(), claims, quick);
    }

    private static Path write(Path dir, String title, List<Section> sections, String csv, List<ClaimResult> claims,
                              boolean quick) throws IOException {
        Files.createDirectories(dir);
        for (Section sec : sections) {
            if (sec instanceof Section.Chart c) {
                c.plot().write(dir.resolve(c.name() + ".png"));
            }
        }
        AtomicFiles.writeString(dir.resolve("results.csv"), csv);
        AtomicFiles.writeString(dir.resolve("summary.txt"), title + "\n\n" + String.join("\n", ClaimTable.lines(claims, quick))
                + "\n");
        Path html = dir.resolve("report.html");
        AtomicFiles.writeString(html, Pages.page(title, sections));
        return html;
    }

    private static Section binsTable(Calibration raw, Calibration tempered) {
        List<List<String>> rows = new ArrayList<>();
        for (int b = 0; b < raw.bins().size(); b++) {
            Calibration.Bin x = raw.bins().get(b);
            Calibration.Bin y = tempered.bins().get(b);
            rows.add(List.of(String.format(Locale.ROOT, "(%.3f, %.3f]", x.lo(), x.hi()), Integer.toString(x.count()),
                    f(x.meanConfidence()), f(x.accuracy()), Integer.toString(y.count()), f(y.meanConfidence()), f(y.accuracy())));
        }
        return Section.Table.of(List.of("confidence bin", "raw n", "raw conf.", "raw acc.", "tempered n", "tempered conf.",
                "tempered acc."), rows);
    }

    private static Plot reliability(Calibration raw, Calibration tempered) {
        LinePlot p = new LinePlot("Reliability diagram").xLabel("mean confidence in bin").yLabel("accuracy in bin");
        p.add(Series.dashed("perfect calibration", new double[] {0, 1}, new double[] {0, 1}));
        for (Object[] c : new Object[][] {{"raw", raw}, {"tempered (τ = M^−α)", tempered}}) {
            Calibration cal = (Calibration) c[1];
            List<double[]> pts = new ArrayList<>();
            for (Calibration.Bin b : cal.bins()) {
                if (b.count() > 0) {
                    pts.add(new double[] {b.meanConfidence(), b.accuracy()});
                }
            }
            double[] x = pts.stream().mapToDouble(v -> v[0]).toArray();
            double[] y = pts.stream().mapToDouble(v -> v[1]).toArray();
            p.add(Series.of((String) c[0], x, y));
        }
        return p.plot();
    }

    private static Plot lossPlot(String title, MorseFit.Result fit) {
        List<MorseFit.Point> c = fit.curve();
        double[] x = c.stream().mapToDouble(MorseFit.Point::step).toArray();
        return new LinePlot(title).xLabel("step").yLabel("loss term")
                .add(Series.of("data term E[−log K]", x, c.stream().mapToDouble(MorseFit.Point::dataTerm).toArray()))
                .add(Series.of("reference term w·E_ν[K]", x, c.stream().mapToDouble(MorseFit.Point::referenceTerm).toArray()))
                .add(Series.of("loss", x, c.stream().mapToDouble(MorseFit.Point::loss).toArray())).plot();
    }

    private static Series lossSeries(String name, List<MorseFit.Point> c) {
        return Series.of(name, c.stream().mapToDouble(MorseFit.Point::step).toArray(),
                c.stream().mapToDouble(MorseFit.Point::loss).toArray());
    }

    private static double[][] xy(Tensor pts) {
        double[] v = pts.toDoubleArray();
        int n = pts.size(0);
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = v[2 * i];
            out[1][i] = v[2 * i + 1];
        }
        return out;
    }

    private static double[][][] byClass(Dataset d) {
        int c = d.numClasses();
        double[] v = d.x().toDoubleArray();
        int[] y = d.y();
        double[][][] out = new double[c][2][];
        for (int k = 0; k < c; k++) {
            final int kk = k;
            int[] idx = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == kk).toArray();
            out[k][0] = java.util.Arrays.stream(idx).mapToDouble(i -> v[2 * i]).toArray();
            out[k][1] = java.util.Arrays.stream(idx).mapToDouble(i -> v[2 * i + 1]).toArray();
        }
        return out;
    }

    private static List<List<String>> rows(String... kv) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.add(List.of(kv[i], kv[i + 1]));
        }
        return out;
    }

    private static String row(String k, double v) {
        return String.format(Locale.ROOT, "%s,%.6g%n", k, v);
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
