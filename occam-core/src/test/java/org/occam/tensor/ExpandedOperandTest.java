package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.occam.tensor.kernel.Parallel;

/**
 * Elementwise binary ops with an expanded (zero-stride) operand of the full output shape, as the
 * backward of a sum hands to gradient accumulation: read in place instead of materialized, with
 * the same bits as the materialized copy and a naive loop, on either side, at 1 and 2 threads.
 */
class ExpandedOperandTest {

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
}
