package org.occam.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written recursive-descent parser for {@link Expression}: it builds a tree of records and
 * never executes anything. Grammar, loosest binding first:
 * <pre>
 *   expr    := term (('+' | '-') term)*                left-associative
 *   term    := unary (('*' | '/') unary)*              left-associative
 *   unary   := ('-' | '+') unary | power
 *   power   := primary ('^' unary)?                    right-associative, binds tighter than unary minus
 *   primary := NUMBER | NAME | FUNC '(' expr ')' | '(' expr ')'
 * </pre>
 * So -2^2 = −(2²) = −4, 2^3^2 = 2^(3²) = 512 and 2^-1 = 0.5 (the usual mathematical convention,
 * as in Python and Fortran). Numbers: 12, 1.5, .5, 3e-4. Names: a letter or '_' then letters,
 * digits or '_'; the function names exp, log, sin, cos, tanh, sqrt, abs are reserved. There is no
 * implicit multiplication ("2a" is an error).
 */
final class ExpressionParser {
    private enum Kind { NUMBER, NAME, OP, LPAREN, RPAREN, END }

    private record Token(Kind kind, String text, int column, double value) {
        String describe() {
            return switch (kind) {
                case END -> "end of expression";
                case NUMBER -> "number " + text;
                case NAME -> "name '" + text + "'";
                default -> "'" + text + "'";
            };
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int pos;

    private ExpressionParser(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    static Expression.Node parse(String source) {
        if (source == null) {
            throw new IllegalArgumentException("expression is null");
        }
        ExpressionParser p = new ExpressionParser(source);
        Expression.Node n = p.expr();
        Token t = p.peek();
        if (t.kind != Kind.END) {
            throw p.error(t, "unexpected " + t.describe(), t.kind == Kind.NAME || t.kind == Kind.NUMBER || t.kind == Kind.LPAREN
                    ? "expected an operator (there is no implicit multiplication)" : null);
        }
        return n;
    }

    private Expression.Node expr() {
        Expression.Node left = term();
        while (isOp("+") || isOp("-")) {
            char op = next().text.charAt(0);
            left = new Expression.Binary(op, left, term());
        }
        return left;
    }

    private Expression.Node term() {
        Expression.Node left = unary();
        while (isOp("*") || isOp("/")) {
            char op = next().text.charAt(0);
            left = new Expression.Binary(op, left, unary());
        }
        return left;
    }

    private Expression.Node unary() {
        if (isOp("-")) {
            next();
            return new Expression.Negate(unary());
        }
        if (isOp("+")) {
            next();
            return unary();
        }
        return power();
    }

    private Expression.Node power() {
        Expression.Node base = primary();
        if (isOp("^")) {
            next();
            return new Expression.Binary('^', base, unary());
        }
        return base;
    }

    private Expression.Node primary() {
        Token t = next();
        switch (t.kind) {
            case NUMBER:
                return new Expression.Constant(t.value);
            case NAME:
                if (Expression.FUNCTIONS.contains(t.text)) {
                    Token open = peek();
                    if (open.kind != Kind.LPAREN) {
                        throw error(open, "unexpected " + open.describe(), "function '" + t.text
                                + "' needs its argument in parentheses");
                    }
                    next();
                    Expression.Node arg = expr();
                    expect(Kind.RPAREN, "')' to close " + t.text + "(");
                    return new Expression.Call(t.text, arg);
                }
                if (peek().kind == Kind.LPAREN) {
                    throw error(t, "unknown function '" + t.text + "'", "functions: " + String.join(", ", Expression.FUNCTIONS));
                }
                return new Expression.Variable(t.text);
            case LPAREN: {
                Expression.Node inner = expr();
                expect(Kind.RPAREN, "')'");
                return inner;
            }
            default:
                throw error(t, "unexpected " + t.describe(), "expected a number, a variable, a function or '('");
        }
    }

    private void expect(Kind kind, String what) {
        Token t = peek();
        if (t.kind != kind) {
            throw error(t, "unexpected " + t.describe(), "expected " + what);
        }
        next();
    }

    private boolean isOp(String s) {
        Token t = peek();
        return t.kind == Kind.OP && t.text.equals(s);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind != Kind.END) {
            pos++;
        }
        return t;
    }

    private ExpressionException error(Token t, String reason, String hint) {
        return hint == null ? new ExpressionException(source, t.column, reason)
                : new ExpressionException(source, t.column, reason, hint);
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j < n && s.charAt(j) == '.') {
                    j++;
                    while (j < n && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                        k++;
                    }
                    if (k >= n || !Character.isDigit(s.charAt(k))) {
                        throw new ExpressionException(s, col, "malformed number '" + s.substring(i, Math.min(k, n)) + "'",
                                "an exponent needs digits, as in 1e-3");
                    }
                    while (k < n && Character.isDigit(s.charAt(k))) {
                        k++;
                    }
                    j = k;
                }
                String text = s.substring(i, j);
                out.add(new Token(Kind.NUMBER, text, col, Double.parseDouble(text)));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token(Kind.NAME, s.substring(i, j), col, 0));
                i = j;
            } else if ("+-*/^".indexOf(c) >= 0) {
                out.add(new Token(Kind.OP, String.valueOf(c), col, 0));
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", col, 0));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", col, 0));
                i++;
            } else {
                throw new ExpressionException(s, col, "unexpected character '" + c + "'",
                        "allowed: numbers, names, + - * / ^, parentheses");
            }
        }
        out.add(new Token(Kind.END, "", n + 1, 0));
        return out;
    }
}
