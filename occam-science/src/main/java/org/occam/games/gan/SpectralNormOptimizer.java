package org.occam.games.gan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.occam.autodiff.Params;
import org.occam.optim.OptState;
import org.occam.optim.Optimizer;
import org.occam.tensor.Tensor;

/**
 * A spectrally normalised discriminator's update ({@link SpectralNorm}): the inner optimiser moves
 * the weights and biases with their gradients, and every stored vector u₀ becomes the power
 * iteration's u at the weights before the update, once per discriminator step, as the reference's
 * discriminator loss does (its state update). The stored vectors' (zero) gradients are ignored; the
 * optimiser's buffers name only weights and biases.
 *
 * @param inner the update rule of the weights (plain SGD in the reference)
 */
public record SpectralNormOptimizer(Optimizer inner) implements Optimizer {
    /** Refuses a missing or already wrapped optimiser. */
    public SpectralNormOptimizer {
        Objects.requireNonNull(inner, "inner");
        if (inner instanceof SpectralNormOptimizer) {
            throw new IllegalArgumentException("the optimiser already advances the spectral-norm vectors");
        }
    }

    @Override
    public Update update(Params params, Params grad, OptState state, double lr) {
        Params w = SpectralNorm.weights(params);
        Map<String, Tensor> g = new LinkedHashMap<>();
        for (String name : w.names()) {
            g.put(name, grad.get(name));
        }
        Update u = inner.update(w, Params.of(g), state, lr);
        Map<String, Tensor> next = new LinkedHashMap<>();
        for (String name : params.names()) {
            next.put(name, name.endsWith(SpectralNorm.SUFFIX) ? params.get(name) : u.params().get(name));
        }
        return new Update(SpectralNorm.advance(params, Params.of(next)), u.state());
    }

    @Override
    public String describe() {
        return inner.describe() + " + spectral norm";
    }
}
