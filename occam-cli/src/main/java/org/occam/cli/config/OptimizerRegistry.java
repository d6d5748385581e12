package org.occam.cli.config;

import java.util.List;
import org.occam.optim.Adam;
import org.occam.optim.Momentum;
import org.occam.optim.Optimizer;
import org.occam.optim.Sgd;

/**
 * The {@code optimizer:} section: update rules by name. The learning rate is not here but in the
 * {@code lr:} section ({@link LearningRateRegistry}), since adaptive rules choose it per step.
 *
 * <p>To add one: a {@code register(name, doc, params, factory)} call in the chain below (see
 * {@link RegularizerRegistry} for a worked example).
 */
public final class OptimizerRegistry {
    private OptimizerRegistry() {
    }

    private static final Param WEIGHT_DECAY = Param.nonNegative("weight_decay", 0.0, "L2 weight decay λ added to the gradient");
    private static final Param MOMENTUM = Param.belowOne("momentum", 0.9, "momentum β (PyTorch's SGD momentum)");
    private static final Param BETA1 = Param.belowOne("beta1", 0.9, "Adam's first-moment decay");
    private static final Param BETA2 = Param.belowOne("beta2", 0.999, "Adam's second-moment decay");
    private static final Param EPS = Param.positive("eps", 1e-8, "Adam's denominator guard");

    /** sgd, momentum, nesterov, adam, adamw. */
    public static final Registry<BuildContext, Optimizer> REGISTRY = new Registry<BuildContext, Optimizer>("optimizer")
            .register("sgd", "plain gradient descent θ ← θ − h(∇ + λθ)", List.of(WEIGHT_DECAY),
                    (c, ctx) -> new Sgd(c.num("weight_decay")))
            .register("momentum", "heavy-ball momentum, as torch.optim.SGD(momentum=β)", List.of(MOMENTUM, WEIGHT_DECAY),
                    (c, ctx) -> new Momentum(c.num("momentum"), false, c.num("weight_decay")))
            .register("nesterov", "Nesterov momentum, as torch.optim.SGD(momentum=β, nesterov=True)",
                    List.of(MOMENTUM, WEIGHT_DECAY), (c, ctx) -> new Momentum(c.num("momentum"), true, c.num("weight_decay")))
            .register("adam", "Adam with bias correction; weight decay added to the gradient",
                    List.of(BETA1, BETA2, EPS, WEIGHT_DECAY),
                    (c, ctx) -> new Adam(c.num("beta1"), c.num("beta2"), c.num("eps"), c.num("weight_decay"), false))
            .register("adamw", "AdamW: decoupled weight decay θ ← θ − hλθ",
                    List.of(BETA1, BETA2, EPS, Param.nonNegative("weight_decay", 0.01, "decoupled weight decay λ")),
                    (c, ctx) -> new Adam(c.num("beta1"), c.num("beta2"), c.num("eps"), c.num("weight_decay"), true));
}
