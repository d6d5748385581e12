package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Random crop and flip against a naive pad-crop-flip reference, and their determinism. */
class AugmentationTest {
    private static final int B = 3;
    private static final int C = 2;
    private static final int H = 3;
    private static final int W = 4;

    private static Batch tinyBatch(DType dtype) {
        double[] v = new double[B * C * H * W];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1 + i;
        }
        return new Batch(Tensor.of(dtype, v, B, C, H, W), new int[] {0, 1, 2}, null, new int[] {7, 8, 9});
    }

    /** The naive reference: pad image k with fill, take the H x W window at (oy, ox) of the padded image, then mirror. */
    private static double[] reference(double[] x, int k, int p, int oy, int ox, boolean mirror, double[] fill) {
        double[] out = new double[C * H * W];
        for (int ch = 0; ch < C; ch++) {
            double[][] padded = new double[H + 2 * p][W + 2 * p];
            for (double[] row : padded) {
                java.util.Arrays.fill(row, fill[ch]);
            }
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < W; j++) {
                    padded[i + p][j + p] = x[((k * C + ch) * H + i) * W + j];
                }
            }
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < W; j++) {
                    double cropped = padded[oy + i][ox + (mirror ? W - 1 - j : j)];
                    out[(ch * H + i) * W + j] = cropped;
                }
            }
        }
        return out;
    }

    @Test
    void cropAndFlipEqualTheNaiveReferenceWithTheDocumentedDraws() {
        int p = 2;
        double[] fill = {-0.5, 9};
        Augmentation a = Augmentation.cropAndFlip(p, true).withFill(fill);
        Batch batch = tinyBatch(DType.FLOAT64);
        double[] x = batch.x().toDoubleArray();
        Set<String> seen = new HashSet<>();
        for (long step = 0; step < 60; step++) {
            Batch out = a.apply(batch, 11, step);
            assertArrayEquals(batch.y(), out.y());
            assertArrayEquals(batch.indices(), out.indices());
            double[] got = out.x().toDoubleArray();
            Rng stepRng = Rng.seed(11).split(Augmentation.STREAM).split(step);
            for (int k = 0; k < B; k++) {
                Rng r = stepRng.split(k);
                int oy = r.nextInt(2 * p + 1);
                int ox = r.nextInt(2 * p + 1);
                boolean mirror = r.nextInt(2) == 1;
                seen.add(oy + "," + ox + "," + mirror);
                assertArrayEquals(reference(x, k, p, oy, ox, mirror, fill),
                        java.util.Arrays.copyOfRange(got, k * C * H * W, (k + 1) * C * H * W), 0.0,
                        "step " + step + " row " + k);
            }
        }
        assertTrue(seen.size() > 40, "offsets and flips vary: " + seen.size() + " of 50 combinations seen");

        Batch f32 = Augmentation.cropAndFlip(p, true).withFill(fill).apply(tinyBatch(DType.FLOAT32), 11, 5);
        assertEquals(DType.FLOAT32, f32.x().dtype());
        assertArrayEquals(a.apply(batch, 11, 5).x().toDoubleArray(), f32.x().toDoubleArray(), 0.0);
    }

    @Test
    void flipOnlyMirrorsAndCropOnlyShifts() {
        Batch batch = tinyBatch(DType.FLOAT64);
        double[] x = batch.x().toDoubleArray();
        double[] zero = {0, 0};
        for (long step = 0; step < 8; step++) {
            double[] flipped = Augmentation.cropAndFlip(0, true).apply(batch, 3, step).x().toDoubleArray();
            double[] shifted = Augmentation.cropAndFlip(1, false).apply(batch, 3, step).x().toDoubleArray();
            for (int k = 0; k < B; k++) {
                double[] f = java.util.Arrays.copyOfRange(flipped, k * C * H * W, (k + 1) * C * H * W);
                boolean same = java.util.Arrays.equals(f, reference(x, k, 0, 0, 0, false, zero));
                assertTrue(same || java.util.Arrays.equals(f, reference(x, k, 0, 0, 0, true, zero)));
                double[] s = java.util.Arrays.copyOfRange(shifted, k * C * H * W, (k + 1) * C * H * W);
                boolean any = false;
                for (int oy = 0; oy < 3; oy++) {
                    for (int ox = 0; ox < 3; ox++) {
                        any |= java.util.Arrays.equals(s, reference(x, k, 1, oy, ox, false, zero));
                    }
                }
                assertTrue(any, "a shift of at most 1 without mirroring");
            }
        }
    }

    @Test
    void drawsDependOnlyOnSeedStepAndRow() {
        Augmentation a = Augmentation.cropAndFlip(1, true);
        Batch batch = tinyBatch(DType.FLOAT32);
        assertArrayEquals(a.apply(batch, 4, 9).x().toFloatArray(), a.apply(batch, 4, 9).x().toFloatArray(), 0f);
        assertNotEquals(java.util.Arrays.toString(a.apply(batch, 4, 9).x().toFloatArray()),
                java.util.Arrays.toString(a.apply(batch, 5, 9).x().toFloatArray()));
        Batch first = new Batch(batch.x().slice(0, 0, 1), new int[] {0}, null, new int[] {7});
        float[] whole = a.apply(batch, 4, 9).x().toFloatArray();
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, 0, C * H * W), a.apply(first, 4, 9).x().toFloatArray(), 0f,
                "row k's draws do not depend on the other rows");
        assertSame(batch, Augmentation.NONE.apply(batch, 4, 9));
        assertEquals("random crop (padding 4), horizontal flip", Augmentation.cropAndFlip(4, true).describe());
        assertEquals("horizontal flip", Augmentation.cropAndFlip(0, true).describe());
        assertEquals(Augmentation.cropAndFlip(4, true).withFill(1, 2), Augmentation.cropAndFlip(4, true).withFill(1, 2));
        assertNotEquals(Augmentation.cropAndFlip(4, true).withFill(1, 2), Augmentation.cropAndFlip(4, true).withFill(1, 3));
    }

    @Test
    void paddingWithTheNormalizedBlackEqualsCropThenNormalize() {
        Normalization stats = Normalization.perChannel(new double[] {0.4, 0.6}, new double[] {0.2, 0.3});
        double[] v = new double[B * C * H * W];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 7) / 7.0;
        }
        Dataset raw = Dataset.of("t", Tensor.of(DType.FLOAT32, v, B, C, H, W), new int[] {0, 1, 0}, 2);
        Dataset normalized = stats.apply(raw);
        double[] black = {stats.standardize(0, 0), stats.standardize(0, 1)};
        for (long step = 0; step < 10; step++) {
            Batch cropThenNormalize = Augmentation.cropAndFlip(2, true).apply(raw.all(), 1, step);
            Dataset viaRaw = stats.apply(Dataset.of("c", cropThenNormalize.x(), cropThenNormalize.y(), 2));
            Batch normalizeThenCrop = Augmentation.cropAndFlip(2, true).withFill(black).apply(normalized.all(), 1, step);
            assertArrayEquals(viaRaw.x().toFloatArray(), normalizeThenCrop.x().toFloatArray(), 0f);
        }
    }

    @Test
    void badInputIsRefused() {
        Batch flat = new Batch(Tensor.of(DType.FLOAT32, new double[6], 2, 3), null, null, new int[] {0, 1});
        String m = assertThrows(IllegalArgumentException.class,
                () -> Augmentation.cropAndFlip(4, true).apply(flat, 0, 0)).getMessage();
        assertEquals("augmentation (crop, flip) needs image batches [B, C, H, W] (layout nchw), got shape [2, 3]", m);
        assertThrows(IllegalArgumentException.class, () -> Augmentation.cropAndFlip(-1, false));
        assertThrows(IllegalArgumentException.class,
                () -> Augmentation.cropAndFlip(1, false).withFill(1, 2, 3).apply(tinyBatch(DType.FLOAT32), 0, 0));
    }
}
