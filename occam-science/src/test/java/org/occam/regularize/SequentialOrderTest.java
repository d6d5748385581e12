package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.flow.Rk4;
import org.occam.tensor.Tensor;

/**
 * SEQ-0 (METHODS §2.1, §6, §11): one pass of GD over fixed-order losses ℓ_1 … ℓ_M against the
 * flow over time Mh of the fixed-order field with the Lie-bracket terms (order 3) and without
 * them (order 2).
 */
class SequentialOrderTest {
    static final Params START = Orders.theta(0.9, 1.3, -0.4);

    /** Four single-point tanh least-squares losses. */
    static final List<Function<Params, Tensor>> FOUR = List.of(
            Orders.tanhLeastSquares(new double[] {-1.2}, new double[] {-0.7}),
            Orders.tanhLeastSquares(new double[] {0.3}, new double[] {0.4}),
            Orders.tanhLeastSquares(new double[] {1.5}, new double[] {0.9}),
            Orders.tanhLeastSquares(new double[] {-0.4}, new double[] {0.1}));

    /** Two tasks, each a two-point loss, alternated. */
    static final List<Function<Params, Tensor>> TWO = List.of(
            Orders.tanhLeastSquares(new double[] {-1.2, 0.3}, new double[] {-0.7, 0.4}),
            Orders.tanhLeastSquares(new double[] {1.5, -0.4}, new double[] {0.9, 0.1}));

    static double[] localErrors(List<Function<Params, Tensor>> losses, DoubleFunction<Function<Params, Params>> flow) {
        int m = losses.size();
        double[] err = new double[Orders.LADDER.length];
        for (int i = 0; i < err.length; i++) {
            double h = Orders.LADDER[i];
            Params pass = FixedOrderFlow.pass(losses, START, h);
            Params f = Rk4.integrate(flow.apply(h), START, m * h, 40);
            err[i] = Orders.distance(pass, f);
        }
        return err;
    }

    static void check(String name, List<Function<Params, Tensor>> losses) {
        double[] with = localErrors(losses, h -> FixedOrderFlow.vectorField(losses, h));
        double[] without = localErrors(losses, h -> FixedOrderFlow.withoutBracket(losses, h));
        System.out.println(Orders.row("SEQ-0 " + name + " with bracket", Orders.LADDER, with));
        System.out.println(Orders.row("SEQ-0 " + name + " without bracket", Orders.LADDER, without));
        double s3 = Orders.slope(Orders.LADDER, with);
        double s2 = Orders.slope(Orders.LADDER, without);
        assertEquals(3, s3, 0.3);
        assertEquals(2, s2, 0.3);
        assertTrue(s3 - s2 > 0.6, "slopes not separated: " + s3 + " vs " + s2);
    }

    @Test
    void fourFixedOrderLosses() {
        check("4 losses", FOUR);
    }

    @Test
    void twoAlternatingTasks() {
        check("2 tasks", TWO);
    }

    @Test
    void bracketWithTheWrongSignIsOnlySecondOrder() {
        double[] err = localErrors(FOUR, h -> {
            Function<Params, Params> base = FixedOrderFlow.withoutBracket(FOUR, h);
            return p -> base.apply(p).addScaled(FixedOrderFlow.bracketSum(FOUR, p), -h / 8);
        });
        System.out.println(Orders.row("SEQ-0 4 losses, bracket sign flipped", Orders.LADDER, err));
        assertEquals(2, Orders.slope(Orders.LADDER, err), 0.3);
    }

    @Test
    void bracketIsAntisymmetricAndFlipsWithTheOrder() {
        Function<Params, Tensor> a = TWO.get(0);
        Function<Params, Tensor> b = TWO.get(1);
        Params ab = FixedOrderFlow.bracket(a, b, START);
        Params ba = FixedOrderFlow.bracket(b, a, START);
        assertEquals(0, Orders.distance(ab, ba.scale(-1)), 1e-14);
        assertTrue(Math.sqrt(ab.normSquared().item()) > 1e-3, "the bracket of these tasks should not vanish");
        assertEquals(0, Math.sqrt(FixedOrderFlow.bracket(a, a, START).normSquared().item()), 1e-14);
    }
}
