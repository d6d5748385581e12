package org.occam.cli;

import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Dataset;
import org.occam.nn.Model;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * Before {@code measure} computes anything: the model must take the data's samples, and a
 * cross-entropy model must have an output for every class of the labels (a label past the outputs
 * would fail deep inside the loss).
 */
final class MeasuredFit {
    private MeasuredFit() {
    }

    /** Throws an {@link IllegalArgumentException} naming --model and --data when they do not fit. */
    static void check(String modelSpec, Model net, Params p, Dataset d, String dataSpec, String loss) {
        Tensor out;
        try {
            out = Recording.noGrad(() -> net.apply(p, d.slice(0, 1).all().x()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--model " + modelSpec + " does not fit --data " + dataSpec + ", whose samples"
                    + " have shape " + Shape.str(d.sampleShape()) + " (" + e.getMessage() + ")", e);
        }
        if (loss.equals("cross_entropy") && d.hasLabels() && out.numel() < d.numClasses()) {
            throw new IllegalArgumentException("--data " + dataSpec + " has labels of " + d.numClasses() + " classes, but --model "
                    + modelSpec + " has " + out.numel() + " outputs; cross_entropy needs one per class");
        }
    }
}
