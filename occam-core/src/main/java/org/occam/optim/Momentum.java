package org.occam.optim;

import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Heavy-ball momentum as PyTorch's SGD(momentum=β): v ← βv + g, θ ← θ − h·v; with Nesterov,
 * θ ← θ − h·(g + βv). Its modified loss has coefficient h(1+β)/(4(1−β)²) (METHODS §2).
 *
 * @param beta the momentum coefficient β, in [0, 1)
 * @param nesterov whether to take Nesterov's step θ ← θ − h·(g + βv) instead of the heavy ball's
 * @param weightDecay L2 weight decay λ, added to the gradient before the buffer
 */
public record Momentum(double beta, boolean nesterov, double weightDecay) implements Optimizer {

    /** Checks that β is in [0, 1). */
    public Momentum {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum beta must be in [0, 1), got " + beta);
        }
    }

    @Override
    public Update update(Params params, Params grad, OptState state, double lr) {
        Map<String, Tensor> buf = OptState.newBuffers();
        Map<String, Tensor> next = new java.util.LinkedHashMap<>();
        for (String name : params.names()) {
            Tensor p = params.get(name);
            Tensor g = grad.get(name);
            if (weightDecay != 0) {
                g = g.add(p.mul(weightDecay));
            }
            Tensor v = state.buffer("momentum", name);
            v = v == null ? g : v.mul(beta).add(g);
            buf.put("momentum." + name, v);
            Tensor dir = nesterov ? g.add(v.mul(beta)) : v;
            next.put(name, p.sub(dir.mul(lr)));
        }
        return new Update(Params.of(next), new OptState(state.step() + 1, Params.of(buf)));
    }

    @Override
    public String describe() {
        return (nesterov ? "nesterov(" : "momentum(") + beta + ")";
    }
}
