package org.occam.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one-line form of a syntax error (what the CLI prints): the position shown by the text before it. */
class ExpressionOneLineTest {

    private static String oneLine(String s) {
        return assertThrows(ExpressionException.class, () -> Expression.parse(s)).oneLine();
    }

    @Test
    void namesTheColumnTheSourceAndWhatComesBefore() {
        assertEquals("unexpected ')' at column 14 of '0.5*(1 - a*b))^2', just after '0.5*(1 - a*b)'",
                oneLine("0.5*(1 - a*b))^2"));
        String start = oneLine(")x");
        assertTrue(start.contains(" at column 1 of ')x', at the start") && !start.contains("\n"), start);
    }
}
