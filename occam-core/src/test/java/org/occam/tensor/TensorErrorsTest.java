package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad inputs fail fast with messages that show the shapes and dtypes involved. */
class TensorErrorsTest {
    private static final DType F64 = DType.FLOAT64;

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void broadcastMismatchShowsBothShapes() {
        String m = message(() -> Tensor.zeros(F64, 2, 3).add(Tensor.zeros(F64, 4)));
        assertTrue(m.contains("[2, 3]") && m.contains("[4]"), m);
    }

    @Test
    void matmulMismatchShowsBothShapes() {
        String m = message(() -> Tensor.zeros(F64, 2, 3).matmul(Tensor.zeros(F64, 4, 5)));
        assertTrue(m.contains("[2, 3]") && m.contains("[4, 5]"), m);
    }

    @Test
    void dtypeMismatchNamesBoth() {
        String m = message(() -> Tensor.zeros(F64, 2).add(Tensor.zeros(DType.FLOAT32, 2)));
        assertTrue(m.contains("float64") && m.contains("float32"), m);
        String mm = message(() -> Tensor.zeros(F64, 2, 2).matmul(Tensor.zeros(DType.FLOAT32, 2, 2)));
        assertTrue(mm.contains("float64") && mm.contains("float32"), mm);
    }

    @Test
    void wrongRankIsReported() {
        String m = message(() -> Ops.conv2d(Tensor.zeros(F64, 3, 4), Tensor.zeros(F64, 1, 1, 2, 2), null, 1, 0));
        assertTrue(m.contains("[N, C, H, W]") && m.contains("[3, 4]"), m);
        String p = message(() -> Tensor.zeros(F64, 2, 3).permute(1, 0, 2));
        assertTrue(p.contains("[2, 3]"), p);
    }

    @Test
    void reshapeAndSliceErrorsShowShapes() {
        String m = message(() -> Tensor.zeros(F64, 2, 3).reshape(4, 2));
        assertTrue(m.contains("[2, 3]") && m.contains("[4, 2]"), m);
        String s = message(() -> Tensor.zeros(F64, 2, 3).slice(1, 2, 5));
        assertTrue(s.contains("[2, 3]"), s);
        assertEquals("data of length 5 does not fit shape [2, 3] (6 elements)",
                message(() -> Tensor.of(new double[5], 2, 3)));
    }

    @Test
    void reshapeInfersOneDimension() {
        assertEquals(3, Tensor.zeros(F64, 2, 3, 2).reshape(4, -1).size(1));
    }
}
