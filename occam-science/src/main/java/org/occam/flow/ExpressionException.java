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
    /** The expression's text. */
    private final String source;
    /** The 1-based column of the error. */
    private final int column;
    /** What is wrong. */
    private final String reason;
    /** What to do about it, or null. */
    private final String hint;

    ExpressionException(String source, int column, String reason) {
        super(reason + " at column " + column + System.lineSeparator() + "  " + source + System.lineSeparator() + "  "
                + " ".repeat(Math.max(0, column - 1)) + "^");
        this.source = source;
        this.column = column;
        this.reason = reason;
        this.hint = null;
    }

    ExpressionException(String source, int column, String reason, String hint) {
        super(reason + " at column " + column + "; " + hint + System.lineSeparator() + "  " + source
                + System.lineSeparator() + "  " + " ".repeat(Math.max(0, column - 1)) + "^");
        this.source = source;
        this.column = column;
        this.reason = reason;
        this.hint = hint;
    }

    /**
     * The message on one line, the position shown by the text before it: {@code unexpected ')' at
     * column 12 of '0.5*(1 - a)) ^ 2', just after '0.5*(1 - a)'}.
     *
     * @return the message
     */
    public String oneLine() {
        String before = source.substring(0, Math.min(Math.max(0, column - 1), source.length()));
        return reason + " at column " + column + " of '" + source + "'" + (before.isEmpty() ? ", at the start"
                : ", just after '" + before + "'") + (hint == null ? "" : "; " + hint);
    }

    /**
     * The 1-based column of the offending character (length + 1 for the end of the expression).
     *
     * @return the column
     */
    public int column() {
        return column;
    }

    /**
     * The first part of the message, without the position ("unexpected ')'").
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
