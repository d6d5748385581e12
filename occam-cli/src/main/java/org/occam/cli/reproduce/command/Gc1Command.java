package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.gc1.Gc1;
import org.occam.lab.gc1.Gc1Setting;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;

/** {@code reproduce gc-1}: GC-1 of METHODS §11, geometric complexity of 1-D regression fits. */
@Command(name = "gc-1", description = "GC-1: 1-D regression of noisy sin points by an MLP of width 256 (float64),"
        + " sweeps of learning rate, batch size, L2 and GC penalty; GC on the data and the arc length compared at equal"
        + " training loss, and GC at initialization.",
        footer = {"", "Examples:", "  ./occam reproduce gc-1", "  ./occam reproduce gc-1 --parallel 2 --out runs/gc1",
            "  ./occam reproduce gc-1 --quick --json"})
public final class Gc1Command extends SeededReproduction {

    @Override
    protected String name() {
        return "gc-1";
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) throws Exception {
        Gc1Setting s = quick ? Gc1Setting.quick() : Gc1Setting.defaults();
        log.accept("GC-1: " + s.model() + " on " + s.points() + " points of sin, " + Gc1.configs(s).size()
                + " configurations x " + seeds.count() + " seeds, " + seeds.parallel() + " run(s) at a time");
        return Gc1.reproduce(s, seeds, quick, dir, log);
    }
}
