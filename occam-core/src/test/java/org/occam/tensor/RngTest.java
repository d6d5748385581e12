package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void sameSeedSameBitsAndStateRestores() {
        Rng a = Rng.seed(42);
        Rng b = Rng.seed(42);
        assertArrayEquals(a.normal(DType.FLOAT64, 0, 1, 100).toDoubleArray(), b.normal(DType.FLOAT64, 0, 1, 100).toDoubleArray(), 0.0);
        long st = a.state();
        double next = a.nextDouble();
        assertEquals(next, Rng.fromState(st).nextDouble(), 0.0);
        assertNotEquals(Rng.seed(1).nextLong(), Rng.seed(2).nextLong());
    }

    @Test
    void momentsAreRight() {
        Rng r = Rng.seed(3);
        int n = 200_000;
        double[] z = r.normal(DType.FLOAT64, 0, 1, n).toDoubleArray();
        double mean = Arrays.stream(z).sum() / n;
        double var = Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / n;
        assertEquals(0, mean, 4 / Math.sqrt(n));
        assertEquals(1, var, 4 * Math.sqrt(2.0 / n));
        double[] u = r.uniform(DType.FLOAT64, 0, 1, n).toDoubleArray();
        assertEquals(0.5, Arrays.stream(u).sum() / n, 4 * Math.sqrt(1.0 / 12 / n));
        double p = Arrays.stream(r.bernoulli(DType.FLOAT64, 0.3, n).toDoubleArray()).sum() / n;
        assertEquals(0.3, p, 4 * Math.sqrt(0.21 / n));
    }

    @Test
    void permutationIsAPermutation() {
        int[] p = Rng.seed(5).permutation(1000);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }
}
