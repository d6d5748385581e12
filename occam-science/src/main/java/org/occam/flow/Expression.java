package org.occam.flow;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * A low-dimensional loss written as a formula, for the flow playground: "0.5*(1 - a*b)^2",
 * "x + 0.5*y^2", "log(1 + exp(-w)) + 0.1*w^2". Parsed by a hand-written recursive-descent parser
 * ({@link ExpressionParser}, whose Javadoc gives the grammar): + − * / ^, unary minus, parentheses,
 * numeric constants, variables (identifiers) and the functions exp, log, sin, cos, tanh, sqrt, abs.
 * Nothing is ever executed: the text becomes a tree of records.
 *
 * <p><b>Precedence.</b> ^ binds tighter than unary minus and is right-associative, as in
 * mathematics: -2^2 = −4, 2^3^2 = 512, 2^-1 = 0.5. Otherwise * and / bind tighter than + and −, and
 * both levels are left-associative (8/4/2 = 1, 8-4-2 = 2).
 *
 * <p>{@link #loss()} turns the tree into a function of a {@link Params} tree with one float64 scalar
 * per variable, built from Occam's differentiable tensor ops, so {@code Autodiff.grad}, {@code hvp}
 * and {@code hessian} (and so every flow) work on it. Sub-expressions without variables are folded
 * to constants; a constant exponent uses x^c (defined for negative x when c is an integer), a
 * variable exponent uses a^b = exp(b·log a) semantics (its derivative needs a &gt; 0).
 * {@link #evaluate(double...)} computes the same value with plain doubles (for plotting grids).
 */
public final class Expression {
    /** The functions of one argument, in the order error messages list them. */
    public static final List<String> FUNCTIONS = List.of("exp", "log", "sin", "cos", "tanh", "sqrt", "abs");

    /** A node of the expression tree. */
    sealed interface Node permits Constant, Variable, Negate, Binary, Call {
    }

    record Constant(double value) implements Node {
    }

    record Variable(String name) implements Node {
    }

    record Negate(Node arg) implements Node {
    }

    record Binary(char op, Node left, Node right) implements Node {
    }

    record Call(String function, Node arg) implements Node {
    }

    private final String source;
    private final Node root;
    private final List<String> variables;

    private Expression(String source, Node root) {
        this.source = source;
        this.root = root;
        Set<String> vs = new LinkedHashSet<>();
        collect(root, vs);
        this.variables = List.copyOf(vs);
    }

    /**
     * Parses an expression.
     *
     * @param source the text, e.g. {@code 0.5*(1 - a*b)^2}
     * @return the expression
     * @throws ExpressionException with the column of the first error
     */
    public static Expression parse(String source) {
        return new Expression(source, ExpressionParser.parse(source));
    }

    /**
     * The text it was parsed from.
     *
     * @return the text
     */
    public String source() {
        return source;
    }

    /**
     * The variables, in order of first appearance.
     *
     * @return the variables' names
     */
    public List<String> variables() {
        return variables;
    }

    /**
     * The value at the given values of {@link #variables()}, in that order.
     *
     * @param values one value per variable
     * @return the value
     */
    public double evaluate(double... values) {
        if (values.length != variables.size()) {
            throw new IllegalArgumentException("expression has variables " + variables + " but " + values.length
                    + " values were given");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(variables.get(i), values[i]);
        }
        return evaluate(m);
    }

    /**
     * The value at named values (every variable must be present).
     *
     * @param values the values by variable name
     * @return the value
     */
    public double evaluate(Map<String, Double> values) {
        for (String v : variables) {
            if (!values.containsKey(v)) {
                throw new IllegalArgumentException("no value for variable '" + v + "'; variables: " + variables);
            }
        }
        return eval(root, values);
    }

    /**
     * The loss as a differentiable function of a tree with one scalar per variable (see {@link #point}).
     *
     * @return the loss
     */
    public Function<Params, Tensor> loss() {
        return p -> {
            for (String v : variables) {
                p.get(v); // fails with the tree's names if one is missing
            }
            return tensor(root, p);
        };
    }

    /**
     * A float64 tree with one rank-0 scalar per variable, in {@link #variables()} order.
     *
     * @param values one value per variable
     * @return the tree
     */
    public Params point(double... values) {
        if (values.length != variables.size()) {
            throw new IllegalArgumentException("expression has variables " + variables + " but " + values.length
                    + " values were given");
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(variables.get(i), Tensor.scalar(values[i], DType.FLOAT64));
        }
        return Params.of(m);
    }

    /**
     * A fully parenthesized rendering of the tree (shows how the text was grouped).
     *
     * @return the rendering
     */
    public String toTree() {
        return render(root);
    }

    @Override
    public String toString() {
        return source;
    }

    // ------------------------------------------------------------------ internals

    private static void collect(Node n, Set<String> out) {
        switch (n) {
            case Constant c -> {
            }
            case Variable v -> out.add(v.name());
            case Negate g -> collect(g.arg(), out);
            case Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Call c -> collect(c.arg(), out);
        }
    }

    private static boolean constant(Node n) {
        return switch (n) {
            case Constant c -> true;
            case Variable v -> false;
            case Negate g -> constant(g.arg());
            case Binary b -> constant(b.left()) && constant(b.right());
            case Call c -> constant(c.arg());
        };
    }

    private static double eval(Node n, Map<String, Double> env) {
        return switch (n) {
            case Constant c -> c.value();
            case Variable v -> env.get(v.name());
            case Negate g -> -eval(g.arg(), env);
            case Binary b -> {
                double l = eval(b.left(), env);
                double r = eval(b.right(), env);
                yield switch (b.op()) {
                    case '+' -> l + r;
                    case '-' -> l - r;
                    case '*' -> l * r;
                    case '/' -> l / r;
                    case '^' -> Math.pow(l, r);
                    default -> throw new IllegalStateException("operator " + b.op());
                };
            }
            case Call c -> {
                double x = eval(c.arg(), env);
                yield switch (c.function()) {
                    case "exp" -> Math.exp(x);
                    case "log" -> Math.log(x);
                    case "sin" -> Math.sin(x);
                    case "cos" -> Math.cos(x);
                    case "tanh" -> Math.tanh(x);
                    case "sqrt" -> Math.sqrt(x);
                    case "abs" -> Math.abs(x);
                    default -> throw new IllegalStateException("function " + c.function());
                };
            }
        };
    }

    private static Tensor tensor(Node n, Params p) {
        if (constant(n)) {
            return Tensor.scalar(eval(n, Map.of()), DType.FLOAT64);
        }
        return switch (n) {
            case Constant c -> Tensor.scalar(c.value(), DType.FLOAT64);
            case Variable v -> p.get(v.name());
            case Negate g -> tensor(g.arg(), p).neg();
            case Binary b -> switch (b.op()) {
                case '+' -> tensor(b.left(), p).add(tensor(b.right(), p));
                case '-' -> tensor(b.left(), p).sub(tensor(b.right(), p));
                case '*' -> tensor(b.left(), p).mul(tensor(b.right(), p));
                case '/' -> tensor(b.left(), p).div(tensor(b.right(), p));
                case '^' -> constant(b.right()) ? tensor(b.left(), p).pow(eval(b.right(), Map.of()))
                        : tensor(b.left(), p).pow(tensor(b.right(), p));
                default -> throw new IllegalStateException("operator " + b.op());
            };
            case Call c -> {
                Tensor x = tensor(c.arg(), p);
                yield switch (c.function()) {
                    case "exp" -> x.exp();
                    case "log" -> x.log();
                    case "sin" -> x.sin();
                    case "cos" -> x.cos();
                    case "tanh" -> x.tanh();
                    case "sqrt" -> x.sqrt();
                    case "abs" -> x.abs();
                    default -> throw new IllegalStateException("function " + c.function());
                };
            }
        };
    }

    private static String render(Node n) {
        return switch (n) {
            case Constant c -> c.value() == Math.rint(c.value()) && Math.abs(c.value()) < 1e15
                    ? Long.toString((long) c.value()) : Double.toString(c.value());
            case Variable v -> v.name();
            case Negate g -> "(-" + render(g.arg()) + ")";
            case Binary b -> "(" + render(b.left()) + " " + b.op() + " " + render(b.right()) + ")";
            case Call c -> c.function() + "(" + render(c.arg()) + ")";
        };
    }
}
