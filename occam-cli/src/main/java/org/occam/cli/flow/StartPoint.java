package org.occam.cli.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.flow.Expression;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * The {@code --init} option of {@code occam flow}: "a=2.8,b=0.4", one NAME=VALUE entry per variable
 * of the loss expression, in any order. The parameter tree keeps the order of the entries (the
 * first variable is the x axis of the contour plot). Every mistake names the valid variables.
 */
public final class StartPoint {
    private StartPoint() {
    }

    /**
     * Parses the entries against the expression's variables.
     *
     * @throws IllegalArgumentException for a malformed entry, an unknown, repeated or missing variable, or a bad number
     */
    public static Map<String, Double> parse(String spec, Expression loss) {
        List<String> vars = loss.variables();
        String valid = vars.isEmpty() ? "(none)" : String.join(", ", vars);
        if (vars.isEmpty()) {
            throw new IllegalArgumentException("--loss '" + loss.source() + "' has no variables: nothing to optimize");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--init: give a start value for each variable, e.g. --init "
                    + example(vars) + " (variables: " + valid + ")");
        }
        for (String raw : spec.split(",")) {
            String entry = raw.trim();
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq != entry.lastIndexOf('=')) {
                throw new IllegalArgumentException("--init: bad entry '" + entry + "'; expected NAME=VALUE, e.g. "
                        + example(vars) + " (variables: " + valid + ")");
            }
            String name = entry.substring(0, eq).trim();
            String value = entry.substring(eq + 1).trim();
            if (!vars.contains(name)) {
                throw new IllegalArgumentException("--init: '" + name + "' is not a variable of the loss; variables: " + valid);
            }
            if (out.containsKey(name)) {
                throw new IllegalArgumentException("--init: '" + name + "' is given twice");
            }
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--init: value of '" + name + "' is not a number: '" + value + "'");
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("--init: value of '" + name + "' must be finite, got " + value);
            }
            out.put(name, v);
        }
        for (String v : vars) {
            if (!out.containsKey(v)) {
                throw new IllegalArgumentException("--init: no value for '" + v + "'; variables: " + valid);
            }
        }
        return out;
    }

    /** A float64 tree with one rank-0 scalar per entry, in entry order. */
    public static Params params(Map<String, Double> values) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, Tensor.scalar(v, DType.FLOAT64)));
        return Params.of(m);
    }

    private static String example(List<String> vars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < vars.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(vars.get(i)).append('=').append(String.format(Locale.ROOT, "%.1f", 0.5 + i * 0.5));
        }
        return sb.toString();
    }
}
