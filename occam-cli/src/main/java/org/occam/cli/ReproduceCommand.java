package org.occam.cli;

import java.util.concurrent.Callable;
import org.occam.cli.reproduce.command.ClrCommand;
import org.occam.cli.reproduce.command.DalCommand;
import org.occam.cli.reproduce.command.Dd4Command;
import org.occam.cli.reproduce.command.Gc1Command;
import org.occam.cli.reproduce.command.EosCommand;
import org.occam.cli.reproduce.command.Hom1Command;
import org.occam.cli.reproduce.command.IgrLrSweepCommand;
import org.occam.cli.reproduce.command.Mgc1Command;
import org.occam.cli.reproduce.command.Mm1Command;
import org.occam.cli.reproduce.command.Mt1Command;
import org.occam.cli.reproduce.command.Nc1Command;
import org.occam.cli.reproduce.command.SamLnCommand;
import org.occam.cli.reproduce.command.Sgd2Command;
import org.occam.cli.reproduce.command.Sgd3Command;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code occam reproduce NAME}: the papers' headline checks (METHODS §11), each judged over seeds
 * (docs/claims.md). The reproductions live in the occam-lab module, one package each; every
 * subcommand (org.occam.cli.reproduce.command) only parses its options and calls lab code; this
 * parent only lists them.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Run a reproduction of METHODS §11 (code: the occam-lab module, one package per check) and print its"
            + " claims judged over seeds: per claim the statistic, effect, 95 %% interval, n, resolution and verdict"
            + " (supported, contradicted or inconclusive; docs/claims.md).",
            "Every check except igr-lr-sweep takes --seeds N (at least 5, dd-4 default 10), --parallel N (seeds on a local"
            + " pool, identical results), --quick (tiny settings for tests: verdicts are not evidence) and --json (the"
            + " same table as JSON). Each writes report.html with the claims table, per-seed error bars and its plots"
            + " into --out (default runs/NAME)."},
        subcommands = {IgrLrSweepCommand.class, EosCommand.class, DalCommand.class, ClrCommand.class, Dd4Command.class,
            Hom1Command.class, Mgc1Command.class, Nc1Command.class, Mt1Command.class, Sgd2Command.class,
            Sgd3Command.class, Gc1Command.class, SamLnCommand.class, Mm1Command.class},
        footer = {"", "Examples:", "  ./occam reproduce igr-lr-sweep", "  ./occam reproduce igr-lr-sweep --seeds 10 --out runs/igr",
            "  ./occam reproduce eos --lrs 0.05,0.07 --max-steps 2000 --parallel 2", "  ./occam reproduce dal --powers 0.75,1,1.5,2",
            "  ./occam reproduce hom-1 --quick --json",
            "  ./occam reproduce clr --loss-target 1e-4", "  ./occam reproduce dd-4 --steps 5000 --seeds 10",
            "  ./occam reproduce hom-1 --steps 16384", "  ./occam reproduce mgc-1 --corruptions 0,1 --lrs 0.1,0.3 --seeds 5",
            "  ./occam reproduce nc-1 --lrs 0.02,0.5 --batch-sizes 8,128", "  ./occam reproduce mt-1 --lrs 0.05,0.2,0.4 --seeds 8",
            "  ./occam reproduce sgd-2 --parallel 2", "  ./occam reproduce sgd-3 --seeds 8", "  ./occam reproduce gc-1 --quick --json",
            "  ./occam reproduce NAME --help     (the options of one reproduction)"})
public final class ReproduceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a NAME: the list of reproductions, and exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("occam reproduce: name a reproduction: "
                + String.join(", ", spec.subcommands().keySet()));
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
