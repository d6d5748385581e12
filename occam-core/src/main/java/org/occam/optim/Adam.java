package org.occam.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Adam (Kingma &amp; Ba) with bias correction, as torch.optim.Adam; with {@code decoupled} the
 * weight decay is AdamW's (θ ← θ − hλθ), otherwise it is added to the gradient.
 *
 * @param beta1 decay of the first-moment average (0.9 in PyTorch)
 * @param beta2 decay of the second-moment average (0.999 in PyTorch)
 * @param eps added to the root of the second moment before dividing
 * @param weightDecay weight decay λ
 * @param decoupled whether λ is AdamW's decoupled decay rather than L2 added to the gradient
 */
public record Adam(double beta1, double beta2, double eps, double weightDecay, boolean decoupled) implements Optimizer {

    /**
     * PyTorch's defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no weight decay.
     *
     * @return Adam with those settings
     */
    public static Adam standard() {
        return new Adam(0.9, 0.999, 1e-8, 0, false);
    }

    @Override
    public Update update(Params params, Params grad, OptState state, double lr) {
        long t = state.step() + 1;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        Map<String, Tensor> buf = OptState.newBuffers();
        Map<String, Tensor> next = new LinkedHashMap<>();
        for (String name : params.names()) {
            Tensor p = params.get(name);
            Tensor g = grad.get(name);
            if (weightDecay != 0 && !decoupled) {
                g = g.add(p.mul(weightDecay));
            }
            Tensor m = state.buffer("exp_avg", name);
            Tensor v = state.buffer("exp_avg_sq", name);
            m = m == null ? g.mul(1 - beta1) : m.mul(beta1).add(g.mul(1 - beta1));
            v = v == null ? g.square().mul(1 - beta2) : v.mul(beta2).add(g.square().mul(1 - beta2));
            buf.put("exp_avg." + name, m);
            buf.put("exp_avg_sq." + name, v);
            Tensor stepDir = m.div(c1).div(v.div(c2).sqrt().add(eps));
            Tensor decayed = weightDecay != 0 && decoupled ? p.mul(1 - lr * weightDecay) : p;
            next.put(name, decayed.sub(stepDir.mul(lr)));
        }
        return new Update(Params.of(next), new OptState(t, Params.of(buf)));
    }

    @Override
    public String describe() {
        return (decoupled ? "adamw" : "adam") + "(" + beta1 + ", " + beta2 + ")";
    }
}
