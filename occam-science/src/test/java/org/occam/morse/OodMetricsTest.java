package org.occam.morse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.occam.tensor.Rng;

/** AUROC, average precision and FPR at 95 % TPR against brute force over all pairs / all thresholds, with ties. */
class OodMetricsTest {

    static double bruteAuroc(double[] pos, double[] neg) {
        double s = 0;
        for (double p : pos) {
            for (double n : neg) {
                s += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return s / (pos.length * (double) neg.length);
    }

    /** Σ over distinct thresholds t (descending) of (R(t) − R(prev))·P(t), predicting positive when score ≥ t. */
    static double bruteAp(double[] pos, double[] neg) {
        double ap = 0;
        double prev = 0;
        for (double t : thresholds(pos, neg)) {
            int tp = count(pos, t);
            int fp = count(neg, t);
            double recall = (double) tp / pos.length;
            ap += (recall - prev) * tp / (double) (tp + fp);
            prev = recall;
        }
        return ap;
    }

    static double bruteFpr(double[] pos, double[] neg, double target) {
        double best = 1;
        for (double t : thresholds(pos, neg)) {
            if (count(pos, t) >= target * pos.length - 1e-9) {
                best = Math.min(best, count(neg, t) / (double) neg.length);
            }
        }
        return best;
    }

    static TreeSet<Double> thresholds(double[] pos, double[] neg) {
        TreeSet<Double> s = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (double v : pos) {
            s.add(v);
        }
        for (double v : neg) {
            s.add(v);
        }
        return s;
    }

    static int count(double[] a, double t) {
        int c = 0;
        for (double v : a) {
            c += v >= t ? 1 : 0;
        }
        return c;
    }

    static double[] tiedScores(Rng rng, int n, int levels, double shift) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextInt(levels) + shift;
        }
        return a;
    }

    static double[] neg(double[] a) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = -a[i];
        }
        return b;
    }

    @Test
    void matchBruteForceOnRandomScoresWithTies() {
        Rng rng = Rng.seed(7);
        for (int trial = 0; trial < 40; trial++) {
            int levels = 2 + rng.nextInt(12);
            double[] out = tiedScores(rng, 5 + rng.nextInt(60), levels, rng.nextInt(3));
            double[] in = tiedScores(rng, 5 + rng.nextInt(60), levels, 0);
            String at = "trial " + trial;
            assertEquals(bruteAuroc(out, in), OodMetrics.auroc(out, in), 1e-12, at + " AUROC");
            assertEquals(bruteAp(out, in), OodMetrics.averagePrecision(out, in), 1e-12, at + " AP");
            for (double target : new double[] {0.95, 0.8, 0.5, 1.0}) {
                assertEquals(bruteFpr(out, in, target), OodMetrics.fprAtTpr(out, in, target), 1e-12, at + " FPR@" + target);
            }
            OodMetrics m = OodMetrics.evaluate(in, out);
            assertEquals(bruteAuroc(out, in), m.auroc(), 1e-12);
            assertEquals(bruteAp(out, in), m.auprOut(), 1e-12);
            assertEquals(bruteAp(neg(in), neg(out)), m.auprIn(), 1e-12);
            assertEquals(bruteFpr(neg(in), neg(out), 0.95), m.fprAt95Tpr(), 1e-12);
        }
    }

    @Test
    void continuousScoresAndHandCases() {
        Rng rng = Rng.seed(9);
        double[] out = new double[300];
        double[] in = new double[200];
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextGaussian() + 1;
        }
        for (int i = 0; i < in.length; i++) {
            in[i] = rng.nextGaussian();
        }
        assertEquals(bruteAuroc(out, in), OodMetrics.auroc(out, in), 1e-12);
        assertEquals(bruteAp(out, in), OodMetrics.averagePrecision(out, in), 1e-12);
        // perfect separation, reversed, all tied
        OodMetrics perfect = OodMetrics.evaluate(new double[] {0, 1, 2}, new double[] {3, 4});
        assertEquals(1.0, perfect.auroc());
        assertEquals(1.0, perfect.auprOut());
        assertEquals(1.0, perfect.auprIn());
        assertEquals(0.0, perfect.fprAt95Tpr());
        assertEquals(0.0, OodMetrics.auroc(new double[] {0, 1}, new double[] {2, 3}));
        assertEquals(0.5, OodMetrics.auroc(new double[] {1, 1}, new double[] {1, 1, 1}));
        assertEquals(0.4, OodMetrics.averagePrecision(new double[] {1, 1}, new double[] {1, 1, 1}), 1e-15);
        assertEquals(1.0, OodMetrics.fprAtTpr(new double[] {1, 1}, new double[] {1, 1, 1}, 0.95));
        // two of 20 in-distribution scores above an OOD one: 95 % TPR needs all 20 accepted, letting one OOD in
        double[] ins = new double[20];
        ins[18] = 5;
        ins[19] = 5;
        assertEquals(0.5, OodMetrics.evaluate(ins, new double[] {1, 6}).fprAt95Tpr());
        assertThrows(IllegalArgumentException.class, () -> OodMetrics.auroc(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> OodMetrics.auroc(new double[] {Double.NaN}, new double[] {1}));
    }
}
