package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.InputJacobian;
import org.occam.autodiff.Params;
import org.occam.tensor.kernel.Buffer;
import org.occam.tensor.kernel.Gemm;
import org.occam.tensor.kernel.Parallel;
import org.occam.tensor.kernel.Strided;

/**
 * The paths for stacked cotangents (InputJacobian's [k, B, ...] backward): the tanh backward reading
 * a broadcast output in place, and a batched product with a shared B run as one GEMM. Both against
 * the old path (dense copy; one GEMM per entry) bit for bit, against naive loops, across thread
 * counts, and the Jacobian penalty's derivatives against finite differences.
 */
class BroadcastFastPathTest {

    @Test
    void periodOfViews() {
        Tensor y = Tensor.zeros(DType.FLOAT32, 3, 5);
        assertEquals(15, Strided.period(y.buffer()));
        assertEquals(15, Strided.period(y.unsqueeze(0).expand(4, 3, 5).buffer()));
        assertEquals(15, Strided.period(y.unsqueeze(0).unsqueeze(0).expand(2, 4, 3, 5).buffer()));
        assertEquals(0, Strided.period(y.t().buffer()));
        assertEquals(0, Strided.period(y.unsqueeze(1).expand(3, 4, 5).buffer())); // broadcast in the middle
        assertEquals(5, Strided.period(Tensor.zeros(DType.FLOAT32, 5).expand(3, 5).buffer()));
        assertEquals(7, Strided.period(Tensor.zeros(DType.FLOAT64, 4, 7).slice(0, 1, 2).expand(6, 7).buffer()));
    }

    @Test
    void tanhBackwardOnABroadcastOutputMatchesTheCopyAndANaiveLoop() {
        Rng rng = Rng.seed(41);
        for (DType dt : DType.values()) {
            for (int[] s : new int[][] {{1, 1, 1}, {3, 1, 7}, {10, 6, 33}, {2, 37, 1000}, {5, 1, 70001}}) {
                Tensor base = rng.normal(dt, 0, 1, 1 + s[1], s[2]).tanh();
                Tensor y = base.slice(0, 1, 1 + s[1]).unsqueeze(0).expand(s[0], s[1], s[2]); // offset + broadcast
                Tensor g = rng.normal(dt, 0, 1, s[0], s[1], s[2]);
                double[] got = FusedOps.tanhBackward(g, y).toDoubleArray();
                assertArrayEquals(FusedOps.tanhBackward(g, y.contiguous()).toDoubleArray(), got, 0.0, dt + " " + s[2]);
                double[] gv = g.toDoubleArray();
                double[] yv = y.contiguous().toDoubleArray();
                for (int i = 0; i < gv.length; i++) {
                    float gf = (float) gv[i];
                    float yf = (float) yv[i];
                    double want = dt == DType.FLOAT64 ? gv[i] - gv[i] * yv[i] * yv[i] : gf - gf * yf * yf;
                    assertEquals(want, got[i], 0.0, dt + " i=" + i);
                }
            }
        }
    }

    @Test
    void sharedRightOperandFoldsIntoOneGemmWithTheSameBits() {
        Rng rng = Rng.seed(42);
        for (DType dt : DType.values()) {
            for (int[] s : new int[][] {{3, 5, 4, 6}, {10, 13, 300, 17}, {4, 64, 257, 33}, {2, 9, 1, 1}}) {
                int batch = s[0];
                int m = s[1];
                int k = s[2];
                int n = s[3];
                Tensor a = rng.normal(dt, 0, 1, batch, m, k);
                Tensor w = rng.normal(dt, 0, 1, n, k);
                double[] got = a.matmul(w.t()).toDoubleArray();
                double[] perEntry = perEntryGemm(a, w.t());
                assertArrayEquals(perEntry, got, 0.0, dt + " " + java.util.Arrays.toString(s));
                double[] av = a.toDoubleArray();
                double[] wv = w.toDoubleArray();
                for (int t = 0; t < batch; t++) {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double acc = 0;
                            for (int p = 0; p < k; p++) {
                                acc += av[(t * m + i) * k + p] * wv[j * k + p];
                            }
                            double tol = (dt == DType.FLOAT64 ? 1e-12 : 1e-4) * (1 + Math.sqrt(k));
                            assertEquals(acc, got[(t * m + i) * n + j], tol);
                        }
                    }
                }
            }
            // entries that are not stacked rows (a transposed per entry) take the per-entry path
            Tensor at = rng.normal(dt, 0, 1, 3, 20, 9).transpose(1, 2);
            Tensor b = rng.normal(dt, 0, 1, 20, 7);
            assertArrayEquals(perEntryGemm(at, b), at.matmul(b).toDoubleArray(), 0.0);
        }
    }

    /** The old path: one GEMM per batch entry. */
    private static double[] perEntryGemm(Tensor a, Tensor b) {
        int batch = a.size(0);
        int m = a.size(1);
        int k = a.size(2);
        int n = b.size(1);
        Buffer ab = a.buffer();
        Buffer bb = b.buffer();
        int[] as = ab.stridesRef();
        int[] bs = bb.stridesRef();
        if (ab.isDouble()) {
            double[] c = new double[batch * m * n];
            for (int t = 0; t < batch; t++) {
                Gemm.dgemm(m, n, k, ab.doubleData(), ab.offset() + t * as[0], as[1], as[2], bb.doubleData(), bb.offset(),
                        bs[0], bs[1], c, t * m * n, n, false);
            }
            return c;
        }
        float[] c = new float[batch * m * n];
        for (int t = 0; t < batch; t++) {
            Gemm.sgemm(m, n, k, ab.floatData(), ab.offset() + t * as[0], as[1], as[2], bb.floatData(), bb.offset(),
                    bs[0], bs[1], c, t * m * n, n, false);
        }
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i];
        }
        return out;
    }

    @Test
    void jacobianPenaltyDerivativesMatchFiniteDifferences() {
        Rng rng = Rng.seed(43);
        DType f64 = DType.FLOAT64;
        Tensor x = rng.normal(f64, 0, 1, 9, 4);
        Params p = Params.of("w1", rng.normal(f64, 0, 0.7, 6, 4), "b1", rng.normal(f64, 0, 0.5, 6),
                "w2", rng.normal(f64, 0, 0.7, 3, 6));
        Function<Params, Tensor> penalty = q -> InputJacobian.frobeniusSquared(
                t -> t.matmul(q.get("w1").t()).add(q.get("b1")).tanh().matmul(q.get("w2").t()), x, 3);
        OpsGradCheck.checkGrad(penalty, p);
        OpsGradCheck.checkHvp(penalty, p, rng);
        Function<Params, Tensor> gradNorm = q -> Autodiff.grad(penalty).apply(q).normSquared();
        OpsGradCheck.checkGrad(gradNorm, p);
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        for (DType dt : DType.values()) {
            assertArrayEquals(threaded(1, dt), threaded(2, dt), 0.0, dt.toString());
        }
    }

    private static double[] threaded(int threads, DType dt) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Rng rng = Rng.seed(44);
            Tensor y = rng.normal(dt, 0, 1, 300, 257).tanh().unsqueeze(0).expand(10, 300, 257);
            Tensor g = rng.normal(dt, 0, 1, 10, 300, 257);
            Tensor w = rng.normal(dt, 0, 1, 129, 257);
            double[] t = FusedOps.tanhBackward(g, y).toDoubleArray();
            double[] mm = g.matmul(w.t()).toDoubleArray();
            double[] out = java.util.Arrays.copyOf(t, t.length + mm.length);
            System.arraycopy(mm, 0, out, t.length, mm.length);
            return out;
        } finally {
            Parallel.setThreads(old);
        }
    }
}
