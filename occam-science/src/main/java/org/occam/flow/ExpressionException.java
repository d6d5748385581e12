package org.occam.flow;

/**
 * A syntax error in a loss expression ({@link Expression}): the message names what was found and
 * the 1-based column, followed by the expression and a caret under that column:
 * <pre>
 * unexpected ')' at column 12
 *   0.5*(1 - a)) ^ 2
 *              ^
 * </pre>
 */
public final class ExpressionException extends IllegalArgumentException {
    private final int column;
    private final String reason;

    ExpressionException(String source, int column, String reason) {
        super(reason + " at column " + column + System.lineSeparator() + "  " + source + System.lineSeparator() + "  "
                + " ".repeat(Math.max(0, column - 1)) + "^");
        this.column = column;
        this.reason = reason;
    }

    ExpressionException(String source, int column, String reason, String hint) {
        super(reason + " at column " + column + "; " + hint + System.lineSeparator() + "  " + source
                + System.lineSeparator() + "  " + " ".repeat(Math.max(0, column - 1)) + "^");
        this.column = column;
        this.reason = reason;
    }

    /** The 1-based column of the offending character (length + 1 for the end of the expression). */
    public int column() {
        return column;
    }

    /** The first part of the message, without the position ("unexpected ')'"). */
    public String reason() {
        return reason;
    }
}
