package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.mt.Mt1;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.occam.lab.report.Rates;

/** {@code reproduce mt-1}: MT-1 of METHODS §11, task-gradient conflict in multitask and continual learning. */
@Command(name = "mt-1", description = "MT-1: two regression tasks on a shared MLP; task-gradient alignment against h, the"
        + " explicit conflict term, and sequential vs alternating schedules with forgetting and Lie brackets.")
public final class Mt1Command extends SeededReproduction {

    @Option(names = "--model", description = "Model spec with 2 outputs (default mlp:8-16-2:tanh).")
    String model;

    @Option(names = "--samples", description = "Training rows (default 200).")
    Integer samples;

    @Option(names = "--lrs", description = "Learning rates of the joint arm, comma separated (default 0.05,0.1,0.2,0.3,0.4).")
    String lrs;

    @Option(names = "--time", description = "Gradient-flow time T = h*steps of every joint run (default 200).")
    Double time;

    @Option(names = {"--max-steps", "--steps"}, description = "Steps of each continual run (default 2000).")
    Integer maxSteps;

    @Override
    protected String name() {
        return "mt-1";
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) {
        Mt1.Settings d = quick ? Mt1.Settings.quick() : Mt1.Settings.defaults();
        Mt1.Settings s = Mt1.Settings.of(or(model, d.model()), or(samples, d.samples()),
                lrs != null ? Lists.numbers("--lrs", lrs, false) : d.lrs(), or(time, d.time()),
                or(maxSteps, d.continualSteps()), seed, 1);
        log.accept("MT-1: two regression tasks on " + s.model() + ", " + s.samples() + " samples, full-batch GD on"
                + " L_A + L_B over t = h*steps = " + s.time() + ", seeds " + seeds.first() + ".." + (seeds.first() + seeds.count() - 1)
                + "; continual arm at " + Rates.h(s.continualLr()) + " for " + s.continualSteps() + " steps");
        return Mt1.reproduce(s, seeds, quick, dir, log);
    }
}
