package org.occam.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.cli.flow.FlowChoice;
import org.occam.cli.flow.FlowPlot;
import org.occam.cli.flow.FlowReport;
import org.occam.cli.flow.StartPoint;
import org.occam.flow.Descent;
import org.occam.flow.DormandPrince;
import org.occam.flow.Expression;
import org.occam.flow.SideBySide;
import org.occam.measure.Hessians;
import org.occam.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code occam flow}: the expression playground. Runs gradient descent (or heavy-ball momentum) on
 * a loss written as a formula and integrates the chosen continuous flows from the same start over
 * the same time, then prints how far each flow is from the iterates (METHODS §1.1, §1.4, §4.1).
 */
@Command(name = "flow", mixinStandardHelpOptions = true,
        description = {"Put gradient descent side by side with its continuous models (gradient flow, IGR flows, principal",
            "flow) on a low-dimensional loss written as a formula."},
        footer = {"", "Flows: gd (the iterates), gf (gradient flow), igr (−g − (h/2)Hg), igr3 (third order), pf (complex",
            "principal flow; exact on quadratics), pf-re (its real part), pf-top (top-k PF + IGR), mom (with --beta).",
            "", "Loss syntax: + - * / ^ (right-assoc., above unary minus: -2^2 = -4), parentheses, numbers, variables,",
            "exp log sin cos tanh sqrt abs.", "", "Examples:",
            "  ./occam flow --loss \"0.5*(1 - a*b)^2\" --init a=2.8,b=0.4 --lr 0.2 --steps 100 --flows gd,gf,igr,igr3,pf",
            "  ./occam flow --loss \"x^2 + 0.01*y^2\" --init x=-0.35,y=-0.2 --lr 0.9 --steps 50 --flows gd,gf,igr,pf --plot pf.png",
            "  ./occam flow --loss \"x + 0.5*y^2\" --init x=2,y=0 --lr 1.5 --steps 10 --json"})
public final class FlowCommand implements Callable<Integer> {
    @Option(names = "--loss", required = true, description = "The loss as a formula of its variables, e.g. \"0.5*(1 - a*b)^2\".")
    String loss;

    @Option(names = "--init", required = true, description = "Start point, NAME=VALUE for each variable: a=2.8,b=0.4.")
    String init;

    @Option(names = "--lr", required = true, description = "Learning rate h.")
    double lr;

    @Option(names = "--steps", defaultValue = "100", description = "Number of GD steps n; flows run to t = nh (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--flows", defaultValue = "gd,gf,igr,pf", description = "Comma-separated flows (default ${DEFAULT-VALUE}).")
    String flows;

    @Option(names = "--beta", defaultValue = "0", description = "Heavy-ball momentum β in [0, 1) (default 0: plain GD).")
    double beta;

    @Option(names = "--top-k", defaultValue = "1", description = "Eigenpairs treated exactly by pf-top (default ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--lanczos-steps", defaultValue = "20", description = "Lanczos steps of pf-top (default ${DEFAULT-VALUE}).")
    int lanczosSteps;

    @Option(names = "--rtol", defaultValue = "1e-8", description = "Relative tolerance of the integrator (default ${DEFAULT-VALUE}).")
    double rtol;

    @Option(names = "--atol", defaultValue = "1e-10", description = "Absolute tolerance of the integrator (default ${DEFAULT-VALUE}).")
    double atol;

    @Option(names = "--json", description = "JSON lines: one point record per flow per step, then one summary record.")
    boolean json;

    @Option(names = "--plot", description = "Write a chart (.png or .svg): loss contours with the trajectories for 2 variables, "
            + "loss against step otherwise.")
    Path plot;

    @Override
    public Integer call() throws Exception {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("--lr must be positive and finite, got " + lr);
        }
        if (steps < 1 || steps > 1_000_000) {
            throw new IllegalArgumentException("--steps must be in [1, 1000000], got " + steps);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("--beta must be in [0, 1), got " + beta);
        }
        if (topK < 1 || lanczosSteps < topK) {
            throw new IllegalArgumentException("need 1 <= --top-k <= --lanczos-steps, got " + topK + " and " + lanczosSteps);
        }
        if (plot != null) {
            String f = plot.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!f.endsWith(".png") && !f.endsWith(".svg")) {
                throw new IllegalArgumentException("--plot: the file must end in .png or .svg, got " + plot);
            }
        }
        Expression e = Expression.parse(loss);
        Map<String, Double> start = StartPoint.parse(init, e);
        List<String> names = new ArrayList<>(start.keySet());
        List<String> chosen = FlowChoice.parse(flows, beta);
        DormandPrince.Options options = DormandPrince.Options.tolerances(rtol, atol);
        Function<Params, Tensor> f = e.loss();
        Params p0 = StartPoint.params(start);
        double[][] iterates = Descent.heavyBall(f, p0, lr, beta, steps);
        SideBySide result = SideBySide.compare(f, p0, beta > 0 ? "hb" : "gd", iterates, lr,
                FlowChoice.build(chosen, f, p0, lr, beta, topK, lanczosSteps), options);
        double sharpness = Hessians.dense(f, p0).eigenvalue(0);
        FlowReport.Setup setup = new FlowReport.Setup(loss, names, beta, sharpness, result);
        if (json) {
            FlowReport.json(setup, System.out);
        } else {
            FlowReport.table(setup, System.out);
        }
        if (plot != null) {
            Path parent = plot.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            FlowPlot.of(e, names, result).write(plot);
            if (!json) {
                System.out.println("wrote " + plot);
            }
        }
        return 0;
    }
}
