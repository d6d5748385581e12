package org.occam.morse;

import java.util.Arrays;
import java.util.Locale;

/**
 * Threshold-free OOD detection metrics for scores where higher means more out-of-distribution.
 * Ties are handled exactly: tied scores form one threshold (no arbitrary order among them).
 *
 * <ul>
 *   <li>AUROC: {@code P(s_out > s_in) + ½ P(s_out = s_in)} (Mann–Whitney with mid-ranks).</li>
 *   <li>AUPR-Out / AUPR-In: average precision {@code Σ_k (R_k − R_{k−1}) P_k} over the distinct
 *       thresholds, with OOD / in-distribution as the positive class (scikit-learn's
 *       {@code average_precision_score} convention).</li>
 *   <li>FPR at 95 % TPR: with in-distribution as the positive class (Liang et al. 2018): the
 *       fraction of OOD inputs accepted as in-distribution at the strictest threshold that
 *       accepts at least 95 % of in-distribution inputs.</li>
 * </ul>
 *
 * @param auroc      area under the ROC curve
 * @param auprOut    average precision with OOD positive
 * @param auprIn     average precision with in-distribution positive
 * @param fprAt95Tpr FPR at 95 % TPR (in-distribution positive)
 */
public record OodMetrics(double auroc, double auprOut, double auprIn, double fprAt95Tpr) {

    /**
     * All four metrics from in-distribution and OOD scores (higher = more OOD).
     *
     * @param inScores scores of in-distribution inputs
     * @param outScores scores of OOD inputs
     * @return the metrics
     */
    public static OodMetrics evaluate(double[] inScores, double[] outScores) {
        return new OodMetrics(auroc(outScores, inScores), averagePrecision(outScores, inScores),
                averagePrecision(negate(inScores), negate(outScores)), fprAtTpr(negate(inScores), negate(outScores), 0.95));
    }

    /**
     * {@code P(pos > neg) + ½ P(pos = neg)} over all pairs, by mid-ranks in O(n log n).
     * Higher scores predict the positive class.
     *
     * @param positives the positive class's scores
     * @param negatives the negative class's scores
     * @return the AUROC
     */
    public static double auroc(double[] positives, double[] negatives) {
        check(positives, negatives);
        int p = positives.length;
        int n = negatives.length;
        double[] all = new double[p + n];
        System.arraycopy(positives, 0, all, 0, p);
        System.arraycopy(negatives, 0, all, p, n);
        Integer[] order = sortedIndices(all, false);
        double rankSumPos = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double midRank = 0.5 * (i + j) + 1;
            for (int k = i; k <= j; k++) {
                if (order[k] < p) {
                    rankSumPos += midRank;
                }
            }
            i = j + 1;
        }
        return (rankSumPos - p * (p + 1) / 2.0) / ((double) p * n);
    }

    /**
     * Average precision {@code Σ_k (R_k − R_{k−1}) P_k} over distinct thresholds, from the highest down.
     *
     * @param positives the positive class's scores
     * @param negatives the negative class's scores
     * @return the average precision
     */
    public static double averagePrecision(double[] positives, double[] negatives) {
        check(positives, negatives);
        int p = positives.length;
        double ap = 0;
        double prevRecall = 0;
        for (int[] c : cumulativeCounts(positives, negatives)) {
            double recall = (double) c[0] / p;
            ap += (recall - prevRecall) * c[0] / (c[0] + c[1]);
            prevRecall = recall;
        }
        return ap;
    }

    /**
     * The false positive rate at the strictest threshold t (predict positive when score ≥ t, t a
     * score value) whose true positive rate is at least {@code tpr}.
     *
     * @param positives the positive class's scores
     * @param negatives the negative class's scores
     * @param tpr the true positive rate to reach
     * @return the false positive rate
     */
    public static double fprAtTpr(double[] positives, double[] negatives, double tpr) {
        check(positives, negatives);
        if (!(tpr > 0 && tpr <= 1)) {
            throw new IllegalArgumentException("target TPR must be in (0, 1], got " + tpr);
        }
        for (int[] c : cumulativeCounts(positives, negatives)) {
            if (c[0] >= tpr * positives.length - 1e-9) {
                return (double) c[1] / negatives.length;
            }
        }
        return 1.0;
    }

    /**
     * For each distinct score from the highest down, the counts {true positives, false positives}
     * when predicting positive at score ≥ that threshold (tied scores enter together).
     */
    private static java.util.List<int[]> cumulativeCounts(double[] positives, double[] negatives) {
        int p = positives.length;
        double[] all = concat(positives, negatives);
        Integer[] order = sortedIndices(all, true);
        java.util.List<int[]> out = new java.util.ArrayList<>();
        int tp = 0;
        int fp = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && all[order[j]] == all[order[i]]) {
                if (order[j] < p) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            out.add(new int[] {tp, fp});
            i = j;
        }
        return out;
    }

    /**
     * A one-line summary.
     *
     * @return the summary
     */
    public String describe() {
        return String.format(Locale.ROOT, "AUROC %.4f, AUPR-out %.4f, AUPR-in %.4f, FPR@95%%TPR %.4f",
                auroc, auprOut, auprIn, fprAt95Tpr);
    }

    private static void check(double[] pos, double[] neg) {
        if (pos.length == 0 || neg.length == 0) {
            throw new IllegalArgumentException("OOD metrics need at least one score of each kind, got " + pos.length
                    + " and " + neg.length);
        }
        for (double[] a : new double[][] {pos, neg}) {
            for (double v : a) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("OOD metrics: a score is NaN");
                }
            }
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }

    private static Integer[] sortedIndices(double[] v, boolean descending) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> descending ? Double.compare(v[b], v[a]) : Double.compare(v[a], v[b]));
        return idx;
    }
}
