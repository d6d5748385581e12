package org.occam.lab.nc;

import org.occam.nn.Activation;
import org.occam.nn.Layer;
import org.occam.nn.Linear;
import org.occam.nn.Models;
import org.occam.nn.Sequential;

/**
 * NC-1's model specs: any {@link Models#parse} spec (its last layer is the classifier, the rest the
 * embedding), or {@code TRUNK+K}: the network TRUNK (a {@link Models} spec with p outputs) is the
 * embedding network, followed by ReLU and a Linear(p, K) classifier, so the penultimate embedding is
 * ReLU(TRUNK(x)) ∈ R^p. {@code cnn:1x28x28:16-32:64+5} is a CNN with a 64-dimensional embedding.
 */
final class NcModel {
    private NcModel() {
    }

    /**
     * The network of a spec.
     *
     * @param spec a Models spec, or TRUNK+K
     * @return the network
     */
    static Sequential parse(String spec) {
        int plus = spec.lastIndexOf('+');
        if (plus < 0) {
            return Models.parse(spec);
        }
        Sequential trunk = Models.parse(spec.substring(0, plus));
        int classes;
        try {
            classes = Integer.parseInt(spec.substring(plus + 1).trim());
        } catch (NumberFormatException e) {
            classes = -1;
        }
        if (classes < 2) {
            throw new IllegalArgumentException("--model '" + spec + "': the part after '+' must be the number of source"
                    + " classes (an integer >= 2), e.g. cnn:1x28x28:16-32:64+5");
        }
        if (!(trunk.layers().getLast() instanceof Linear last)) {
            throw new IllegalArgumentException("--model '" + spec + "': the embedding network must end in a Linear layer");
        }
        return Sequential.of(trunk, Activation.RELU, new Linear(last.out(), classes, true));
    }

    /**
     * Whether the network's first layer is a Linear one, so it takes flat inputs [N, d] (an MLP) rather
     * than images [N, C, H, W].
     *
     * @param m the network
     * @return whether it takes flat inputs
     */
    static boolean takesFlatInputs(Sequential m) {
        Layer first = m.layers().getFirst();
        while (first instanceof Sequential inner) {
            first = inner.layers().getFirst();
        }
        return first instanceof Linear;
    }
}
