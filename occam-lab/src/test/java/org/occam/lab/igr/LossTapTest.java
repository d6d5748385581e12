package org.occam.lab.igr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.regularize.ExplicitGradientRegularization;
import org.occam.tensor.DType;
import org.occam.tensor.Recording;
import org.occam.tensor.Rng;
import org.occam.train.Objective;

class LossTapTest {
    /** The E tapped inside EGR's step has the bits of a separate no-grad forward pass, in float32 and float64. */
    @Test
    void tappedLossIsTheNoGradLossBitForBit() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            IgrData data = IgrData.embeddedMnist(200, dtype);
            Sequential model = Models.parse("mlp:784-32-10:relu");
            Objective ce = Objective.crossEntropy(model);
            Batch all = data.train().all();
            LossTap tap = new LossTap(ce);
            Objective egr = ExplicitGradientRegularization.exact(tap, 0.15);
            Params p = model.init(Rng.seed(7), dtype);
            for (int k = 0; k < 5; k++) {
                Params grad = egr.valueAndGrad(p, all).grad();
                Params at = p;
                double plain = Recording.noGrad(() -> ce.loss(at, all)).item();
                assertEquals(Double.doubleToLongBits(plain), Double.doubleToLongBits(tap.take()), dtype + " step " + k);
                assertThrows(IllegalStateException.class, tap::take);
                p = p.addScaled(grad, -0.05);
            }
        }
    }
}
