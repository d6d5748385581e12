package org.occam.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/** The loss-expression playground: precedence, functions, differentiable evaluation and error columns. */
class ExpressionTest {
    static double value(String s) {
        return Expression.parse(s).evaluate();
    }

    @Test
    void precedenceAndAssociativity() {
        assertEquals(512, value("2^3^2"));        // right-associative
        assertEquals(-4, value("-2^2"));          // ^ binds tighter than unary minus
        assertEquals(4, value("(-2)^2"));
        assertEquals(0.5, value("2^-1"));         // a signed exponent
        assertEquals(-0.125, value("-2^-3"));
        assertEquals(1, value("8/4/2"));          // left-associative
        assertEquals(2, value("8-4-2"));
        assertEquals(7, value("1+2*3"));
        assertEquals(9, value("(1+2)*3"));
        assertEquals(3, value("--3"));
        assertEquals(-6, value("2*-3"));
        assertEquals(5, value("+5"));
        assertEquals(18, value("2*3^2"));
        assertEquals(0.0015, value("1.5e-3"), 1e-18);
        assertEquals(0.5, value(".5"));
        assertEquals(120, value("12E1"));
        assertEquals("(2 ^ (3 ^ 2))", Expression.parse("2^3^2").toTree());
        assertEquals("(-(2 ^ 2))", Expression.parse("-2^2").toTree());
        assertEquals("((1 - a) - b)", Expression.parse("1 - a - b").toTree());
    }

    @Test
    void functions() {
        assertEquals(1, value("exp(0)"));
        assertEquals(2, value("log(exp(2))"), 1e-15);
        assertEquals(1, value("sin(0.3)^2 + cos(0.3)^2"), 1e-15);
        assertEquals(Math.tanh(0.7), value("tanh(0.7)"));
        assertEquals(4, value("sqrt(16)"));
        assertEquals(3, value("abs(-3)"));
        assertEquals(-Math.exp(1), value("-exp(1)"));
        assertTrue(Double.isNaN(value("log(-1)")));
    }

    @Test
    void variablesInOrderOfFirstAppearance() {
        Expression e = Expression.parse("b*a + c_1 - a^2");
        assertEquals(List.of("b", "a", "c_1"), e.variables());
        assertEquals(3 * 2 + 1 - 4, e.evaluate(3, 2, 1));
        assertEquals(3 * 2 + 1 - 4, e.evaluate(Map.of("a", 2.0, "b", 3.0, "c_1", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(1, 2));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(Map.of("a", 1.0)));
    }

    @Test
    void differentiableLossMatchesTheAnalyticDerivatives() {
        Expression e = Expression.parse("0.5*(1 - a*b)^2");
        Function<Params, Tensor> loss = e.loss();
        Params p = e.point(2.8, 0.4);
        double r = 1 - 2.8 * 0.4;
        assertEquals(0.5 * r * r, loss.apply(p).item(), 1e-15);
        Params g = Autodiff.grad(loss).apply(p);
        assertEquals(-0.4 * r, g.get("a").item(), 1e-15);
        assertEquals(-2.8 * r, g.get("b").item(), 1e-15);
        // H = [[b², 2ab − 1], [2ab − 1, a²]]
        double[] h = Autodiff.hessian(loss, p).toDoubleArray();
        assertArrayEquals(new double[] {0.16, 2 * 2.8 * 0.4 - 1, 2 * 2.8 * 0.4 - 1, 2.8 * 2.8}, h, 1e-14);
    }

    @Test
    void everyOperationDifferentiatesLikeItsDoubleValue() {
        Expression e = Expression.parse("exp(-x)*sin(y) + log(1 + x^2)/cos(0.1*y) - tanh(x*y) + sqrt(x + 3) * abs(y) + x^y - 2^x");
        Params p = e.point(0.7, 1.3);
        Function<Params, Tensor> loss = e.loss();
        assertEquals(e.evaluate(0.7, 1.3), loss.apply(p).item(), 1e-14);
        Params g = Autodiff.grad(loss).apply(p);
        double eps = 1e-6;
        double dx = (e.evaluate(0.7 + eps, 1.3) - e.evaluate(0.7 - eps, 1.3)) / (2 * eps);
        double dy = (e.evaluate(0.7, 1.3 + eps) - e.evaluate(0.7, 1.3 - eps)) / (2 * eps);
        assertEquals(dx, g.get("x").item(), 1e-8);
        assertEquals(dy, g.get("y").item(), 1e-8);
    }

    static ExpressionException error(String s) {
        return assertThrows(ExpressionException.class, () -> Expression.parse(s));
    }

    static void assertError(String s, String reason, int column) {
        ExpressionException ex = error(s);
        assertEquals(column, ex.column(), ex.getMessage());
        assertTrue(ex.getMessage().startsWith(reason + " at column " + column), ex.getMessage());
        String[] lines = ex.getMessage().split("\\R");
        assertEquals("  " + s, lines[1]);
        assertEquals(column + 1, lines[2].indexOf('^'), "caret under column " + column + ":\n" + ex.getMessage());
    }

    @Test
    void errorsPointAtTheColumn() {
        assertError("0.5*(1 - a*b))^2", "unexpected ')'", 14);
        assertError("(1 + 2", "unexpected end of expression", 7);
        assertError("1 +", "unexpected end of expression", 4);
        assertError("", "unexpected end of expression", 1);
        assertError("2a", "unexpected name 'a'", 2);
        assertError("foo(1)", "unknown function 'foo'", 1);
        assertError("exp 1", "unexpected number 1", 5);
        assertError("1 + # 2", "unexpected character '#'", 5);
        assertError("3 * 1e+", "malformed number '1e+'", 5);
        assertError("a * (b + )", "unexpected ')'", 10);
        assertError("sin(x", "unexpected end of expression", 6);
        assertTrue(error("foo(1)").getMessage().contains("functions: exp, log, sin, cos, tanh, sqrt, abs"));
        assertTrue(error("(1 + 2").getMessage().contains("expected ')'"));
        assertTrue(error("2a").getMessage().contains("no implicit multiplication"));
    }
}
