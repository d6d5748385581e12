package org.occam.cli.reproduce.command;

import java.util.function.Consumer;
import org.occam.lab.gc1.Gc1Report;
import org.occam.lab.gc1.Gc1;
import org.occam.lab.gc1.Gc1Result;
import org.occam.lab.gc1.Gc1Setting;
import picocli.CommandLine.Command;

/** {@code reproduce gc-1}: GC-1 of METHODS §11, geometric complexity of 1-D regression fits. */
@Command(name = "gc-1", description = "GC-1: 1-D regression of noisy sin points by an MLP of width 256 (float64),"
        + " sweeps of learning rate, batch size, L2 and GC penalty; GC on the data and the arc length compared at equal"
        + " training loss, and GC at initialization.",
        footer = {"", "Examples:", "  ./occam reproduce gc-1", "  ./occam reproduce gc-1 --parallel 2 --out runs/gc1",
            "  ./occam reproduce gc-1 --quick --json"})
public final class Gc1Command extends ClaimReproduction {

    @Override
    protected String name() {
        return "gc-1";
    }

    @Override
    protected Outcome run(Consumer<String> log) {
        Gc1Setting s = (quick ? Gc1Setting.quick() : Gc1Setting.defaults());
        s = s.withSeeds(seeds(s.seeds()));
        log.accept("GC-1: " + s.model() + " on " + s.points() + " points of sin, " + Gc1.configs(s).size()
                + " configurations x " + s.seeds() + " seeds, " + parallel + " run(s) at a time");
        Gc1Result r = Gc1.run(s, parallel, log);
        return new Outcome("GC-1: geometric complexity of 1-D regression fits", Gc1Report.setting(r), r.claims(),
                Gc1Report.runs(r), r.seconds(), () -> Gc1Report.sections(r));
    }
}
