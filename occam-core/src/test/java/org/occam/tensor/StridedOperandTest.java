package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.occam.tensor.kernel.Parallel;

/**
 * Elementwise binary ops on strided operands of the full output shape, as gradient accumulation
 * meets them: an expanded (zero-stride) operand (the backward of a sum) and two operands in the
 * same permuted layout (two transposed weight gradients) are read in place instead of
 * materialized, with the same bits as the materialized copies and a naive loop, at 1 and 2 threads.
 */
class StridedOperandTest {

    private static double naive(String op, double x, double y, DType dt) {
        if (dt == DType.FLOAT32) {
            float a = (float) x;
            float b = (float) y;
            return switch (op) {
                case "add" -> a + b;
                case "sub" -> a - b;
                default -> a * b;
            };
        }
        return switch (op) {
            case "add" -> x + y;
            case "sub" -> x - y;
            default -> x * y;
        };
    }

    private static Tensor apply(String op, Tensor a, Tensor b) {
        return switch (op) {
            case "add" -> a.add(b);
            case "sub" -> a.sub(b);
            default -> a.mul(b);
        };
    }

    @Test
    void expandedOperandMatchesCopyAndNaiveLoop() {
        Rng rng = Rng.seed(51);
        int old = Parallel.threads();
        try {
            for (int threads = 1; threads <= 2; threads++) {
                Parallel.setThreads(threads);
                for (DType dt : DType.values()) {
                    for (int[] s : new int[][] {{1, 2}, {3, 7}, {1024, 37}, {5, 3, 70}, {40, 2000}}) {
                        int[] row = s.clone();
                        row[0] = 1;
                        Tensor e = rng.normal(dt, 0, 1, row).expand(s); // stride 0 on axis 0
                        Tensor m = s.length == 3 ? rng.normal(dt, 0, 1, s[0], 1, s[2]).expand(s) : null; // middle axis
                        Tensor d = rng.normal(dt, 0, 1, s);
                        for (Tensor x : m == null ? new Tensor[] {e} : new Tensor[] {e, m}) {
                            int axis = x == e ? 0 : 1;
                            if (x.size(axis) > 1) {
                                assertEquals(0, x.stridesRef()[axis], "an expanded view");
                            }
                            for (String op : new String[] {"add", "sub", "mul"}) {
                                double[] left = apply(op, x, d).toDoubleArray();
                                double[] right = apply(op, d, x).toDoubleArray();
                                assertArrayEquals(apply(op, x.contiguous(), d).toDoubleArray(), left, 0.0, op + " " + dt);
                                assertArrayEquals(apply(op, d, x.contiguous()).toDoubleArray(), right, 0.0, op + " " + dt);
                                double[] xv = x.contiguous().toDoubleArray();
                                double[] dv = d.toDoubleArray();
                                for (int i = 0; i < xv.length; i++) {
                                    assertEquals(naive(op, xv[i], dv[i], dt), left[i], 0.0, op + " i=" + i);
                                    assertEquals(naive(op, dv[i], xv[i], dt), right[i], 0.0, op + " i=" + i);
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void samePermutedLayoutMatchesCopyAndNaiveLoop() {
        Rng rng = Rng.seed(52);
        int old = Parallel.threads();
        try {
            for (int threads = 1; threads <= 2; threads++) {
                Parallel.setThreads(threads);
                for (DType dt : DType.values()) {
                    for (int[] s : new int[][] {{3, 7}, {1, 5}, {40, 2000}, {2, 3, 70}}) {
                        // transposed views of slices (offset > 0) of larger tensors
                        int[] big = s.clone();
                        big[0] += 2;
                        Tensor xa = rng.normal(dt, 0, 1, big).slice(0, 1, 1 + s[0]);
                        Tensor xb = rng.normal(dt, 0, 1, big).slice(0, 2, 2 + s[0]);
                        Tensor a = s.length == 2 ? xa.t() : xa.permute(2, 0, 1);
                        Tensor b = s.length == 2 ? xb.t() : xb.permute(2, 0, 1);
                        Tensor c = rng.normal(dt, 0, 1, a.shape()); // contiguous: a mixed layout
                        for (String op : new String[] {"add", "sub", "mul"}) {
                            Tensor same = apply(op, a, b);
                            assertArrayEquals(apply(op, a.contiguous(), b.contiguous()).toDoubleArray(), same.toDoubleArray(), 0.0,
                                    op + " " + dt);
                            assertArrayEquals(apply(op, a.contiguous(), c).toDoubleArray(), apply(op, a, c).toDoubleArray(), 0.0,
                                    op + " mixed " + dt);
                            double[] av = a.contiguous().toDoubleArray();
                            double[] bv = b.contiguous().toDoubleArray();
                            double[] got = same.toDoubleArray();
                            for (int i = 0; i < av.length; i++) {
                                assertEquals(naive(op, av[i], bv[i], dt), got[i], 0.0, op + " i=" + i);
                            }
                            // the result is an ordinary tensor: it feeds further ops and reshapes
                            assertArrayEquals(apply(op, a.contiguous(), b.contiguous()).sum(0).toDoubleArray(),
                                    same.sum(0).toDoubleArray(), 0.0, op + " sum " + dt);
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(old);
        }
    }
}
