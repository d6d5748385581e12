package org.occam.morse;

import java.util.ArrayList;
import java.util.List;
import org.occam.tensor.Tensor;

/**
 * Reliability diagram and expected calibration error (Guo et al. 2017): predictions are put in
 * {@code M} equal-width confidence bins {@code (b/M, (b+1)/M]} (a confidence of exactly 0 goes to
 * the first bin); each bin reports its count, mean confidence and accuracy, and
 * {@code ECE = Σ_b (n_b/N)·|acc_b − conf_b|}, {@code MCE = max_b |acc_b − conf_b|} over non-empty bins.
 *
 * @param bins the M bins, lowest first
 * @param ece  expected calibration error
 * @param mce  maximum calibration error
 */
public record Calibration(List<Bin> bins, double ece, double mce) {

    /**
     * One confidence bin; {@code meanConfidence} and {@code accuracy} are NaN when it is empty.
     *
     * @param lo the bin's lower confidence
     * @param hi the bin's upper confidence
     * @param count the predictions in it
     * @param meanConfidence their mean confidence
     * @param accuracy the fraction of them that were right
     */
    public record Bin(double lo, double hi, int count, double meanConfidence, double accuracy) {
    }

    /** Copies the bins. */
    public Calibration {
        bins = List.copyOf(bins);
    }

    /**
     * Bins and errors for confidences in [0, 1] and whether each prediction was right.
     *
     * @param confidence each prediction's confidence
     * @param correct whether each prediction was right
     * @param numBins the number of equal-width bins
     * @return the calibration
     */
    public static Calibration of(double[] confidence, boolean[] correct, int numBins) {
        if (confidence.length != correct.length || confidence.length == 0) {
            throw new IllegalArgumentException("calibration needs one correctness flag per confidence, and at least one; got "
                    + confidence.length + " and " + correct.length);
        }
        if (numBins < 1) {
            throw new IllegalArgumentException("calibration needs at least one bin, got " + numBins);
        }
        int[] count = new int[numBins];
        double[] conf = new double[numBins];
        int[] right = new int[numBins];
        for (int i = 0; i < confidence.length; i++) {
            double c = confidence[i];
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("confidence " + c + " at " + i + " is outside [0, 1]");
            }
            int b = bin(c, numBins);
            count[b]++;
            conf[b] += c;
            right[b] += correct[i] ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        double mce = 0;
        int n = confidence.length;
        for (int b = 0; b < numBins; b++) {
            double mc = count[b] == 0 ? Double.NaN : conf[b] / count[b];
            double acc = count[b] == 0 ? Double.NaN : (double) right[b] / count[b];
            bins.add(new Bin((double) b / numBins, (double) (b + 1) / numBins, count[b], mc, acc));
            if (count[b] > 0) {
                double gap = Math.abs(acc - mc);
                ece += (double) count[b] / n * gap;
                mce = Math.max(mce, gap);
            }
        }
        return new Calibration(bins, ece, mce);
    }

    /**
     * Bins and errors of class probabilities {@code [N, C]}: confidence = max prob, correct = arg-max is the label.
     *
     * @param probabilities the class probabilities
     * @param labels the class of each row
     * @param numBins the number of equal-width bins
     * @return the calibration
     */
    public static Calibration ofProbabilities(Tensor probabilities, int[] labels, int numBins) {
        int n = probabilities.size(0);
        int c = probabilities.size(1);
        if (labels.length != n) {
            throw new IllegalArgumentException("calibration: " + n + " rows of probabilities for " + labels.length + " labels");
        }
        double[] v = probabilities.toDoubleArray();
        double[] conf = new double[n];
        boolean[] ok = new boolean[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < c; j++) {
                if (v[i * c + j] > v[i * c + best]) {
                    best = j;
                }
            }
            conf[i] = Math.min(1, Math.max(0, v[i * c + best]));
            ok[i] = best == labels[i];
        }
        return of(conf, ok, numBins);
    }

    /** The bin of a confidence: {@code ⌈c·M⌉ − 1}, clamped to [0, M − 1]. */
    static int bin(double c, int numBins) {
        int b = (int) Math.ceil(c * numBins) - 1;
        return Math.max(0, Math.min(numBins - 1, b));
    }
}
