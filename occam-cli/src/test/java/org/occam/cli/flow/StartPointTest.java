package org.occam.cli.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.flow.Expression;

/** {@code --init} and {@code --flows} parsing. */
class StartPointTest {
    static final Expression E = Expression.parse("0.5*(1 - a*b)^2");

    @Test
    void entriesInAnyOrderKeepTheirOrder() {
        Map<String, Double> m = StartPoint.parse(" b = 0.4 , a=2.8", E);
        assertEquals(List.of("b", "a"), List.copyOf(m.keySet()));
        assertEquals(2.8, m.get("a"));
        Params p = StartPoint.params(m);
        assertEquals(List.of("b", "a"), p.names());
        assertEquals(0.5 * Math.pow(1 - 2.8 * 0.4, 2), E.loss().apply(p).item(), 1e-15);
    }

    @Test
    void mistakesNameTheVariables() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StartPoint.parse("a=1,a=2,b=1", E)).getMessage()
                .contains("given twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StartPoint.parse("", E)).getMessage()
                .contains("variables: a, b"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StartPoint.parse("a=1,b=Infinity", E)).getMessage()
                .contains("must be finite"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StartPoint.parse("a=1=2,b=1", E)).getMessage()
                .contains("expected NAME=VALUE"));
    }

    @Test
    void flowNames() {
        assertEquals(List.of("gf", "pf"), FlowChoice.parse("gd, GF,pf,gf", 0));
        assertEquals(List.of("mom"), FlowChoice.parse("gd,mom", 0.5));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowChoice.parse("igr,xyz", 0)).getMessage()
                .contains("valid: gd, gf, igr, igr3, pf, pf-re, pf-top, mom"));
    }
}
