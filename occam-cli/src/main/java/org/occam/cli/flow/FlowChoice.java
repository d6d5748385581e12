package org.occam.cli.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.flow.Flow;
import org.occam.flow.Flows;
import org.occam.flow.TopKPrincipalFlow;
import org.occam.regularize.MomentumModifiedLoss;
import org.occam.tensor.Tensor;

/**
 * The {@code --flows} option of {@code occam flow}: which continuous models to put beside the
 * iterates. "gd" stands for the iterates themselves (shown in every output anyway, so it may be
 * left out). Without momentum:
 * <ul>
 *   <li>gf: gradient flow −g; igr: −g − (h/2)Hg; igr3: the third-order flow (METHODS §1.1);</li>
 *   <li>pf: the complex principal flow (first-order continuation, exact for quadratics);
 *       pf-re: its real-part approximation; pf-top: exact PF coefficients on the top-k
 *       eigenpairs and IGR on the rest (METHODS §4.1);</li>
 * </ul>
 * With {@code --beta} &gt; 0 the iterates are heavy-ball momentum and the flows are gf (−g/(1−β))
 * and mom (the momentum modified flow, METHODS §1.4).
 */
public final class FlowChoice {
    /** Every name {@code --flows} accepts. */
    public static final List<String> NAMES = List.of("gd", "gf", "igr", "igr3", "pf", "pf-re", "pf-top", "mom");
    private static final Set<String> MOMENTUM = Set.of("gd", "gf", "mom");

    private FlowChoice() {
    }

    /** The requested names, validated and without repeats, in the order given ("gd" dropped). */
    public static List<String> parse(String spec, double beta) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : spec.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("--flows: unknown flow '" + raw.trim() + "'; valid: " + String.join(", ", NAMES));
            }
            if (beta > 0 && !MOMENTUM.contains(name)) {
                throw new IllegalArgumentException("--flows: '" + name + "' models plain GD, but --beta " + beta
                        + " runs heavy-ball momentum; with --beta use gd, gf, mom");
            }
            if (beta == 0 && name.equals("mom")) {
                throw new IllegalArgumentException("--flows: 'mom' models heavy-ball momentum; give --beta (in (0, 1))");
            }
            out.add(name);
        }
        out.remove("gd");
        return new ArrayList<>(out);
    }

    /** Builds the named flows for a loss at learning rate h (and momentum β, 0 for GD). */
    public static List<Flow> build(List<String> names, Function<Params, Tensor> loss, Params start, double h, double beta,
            int topK, int lanczosSteps) {
        List<Flow> out = new ArrayList<>();
        for (String n : names) {
            out.add(switch (n) {
                case "gf" -> beta > 0 ? Flow.of("gf", MomentumModifiedLoss.plainFlow(loss, beta), start)
                        : Flows.gradient(loss, start);
                case "igr" -> Flows.igr(loss, start, h);
                case "igr3" -> Flows.igr3(loss, start, h);
                case "pf" -> Flows.principal(loss, start, h);
                case "pf-re" -> Flows.principalRealPart(loss, start, h);
                case "pf-top" -> Flow.of("pf-top", new TopKPrincipalFlow(loss, h, topK, lanczosSteps, 0), start);
                case "mom" -> Flows.momentum(loss, start, h, beta);
                default -> throw new IllegalStateException(n);
            });
        }
        return out;
    }
}
