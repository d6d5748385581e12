package org.occam.lab.gc1;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;
import org.occam.lab.report.Rates;

/**
 * The GC-1 claims, each over seeds (one value per seed: the same seed's two runs compared at
 * equal training loss): GC on the data and the arc length fall with a larger learning rate, a
 * smaller batch, more L2 and more GC penalty (ln of the value at the sweep's far end over the
 * baseline's, &lt; 0); and GC at initialization is far below GC at the end (log10 ratio &gt; 0).
 */
public final class Gc1Claims {
    private Gc1Claims() {
    }

    /**
     * The claims on a result's runs (its own claims are ignored).
     *
     * @param r the result
     * @return the judged claims
     */
    public static List<ClaimResult> of(Gc1Result r) {
        Gc1Setting s = r.setting();
        Gc1Config base = Gc1.baseline(s);
        List<Gc1Config> far = List.of(
                new Gc1Config(s.lrs()[s.lrs().length - 1], s.points(), 0, 0),
                new Gc1Config(s.lr(), s.batchSizes()[0], 0, 0),
                new Gc1Config(s.lr(), s.points(), s.l2()[s.l2().length - 1], 0),
                new Gc1Config(s.lr(), s.points(), 0, s.gcPenalty()[s.gcPenalty().length - 1]));
        List<String> names = List.of("larger h", "smaller B", "more L2", "more GC penalty");
        List<String> settings = List.of(
                Rates.h(far.get(0).lr()) + " vs " + Rates.h(s.lr()),
                String.format(Locale.ROOT, "B=%d vs B=%d", far.get(1).batchSize(), s.points()),
                String.format(Locale.ROOT, "L2=%s vs 0", num(far.get(2).l2())),
                String.format(Locale.ROOT, "GC penalty=%s vs 0", num(far.get(3).gcPenalty())));
        List<ClaimResult> out = new ArrayList<>();
        for (int i = 0; i < far.size(); i++) {
            out.add(lower(r, "GC-1 GC: " + names.get(i), "GC on the data falls with " + names.get(i)
                    + " (at equal training loss)", "ln(GC " + settings.get(i) + "), same seed, at training MSE <= "
                    + num(s.lossTarget()), base, far.get(i), Gc1Run::gcAtTarget));
            out.add(lower(r, "GC-1 arc: " + names.get(i), "the arc length falls with " + names.get(i)
                    + " (at equal training loss)", "ln(arc length " + settings.get(i) + "), same seed, at training MSE"
                    + " <= " + num(s.lossTarget()), base, far.get(i), Gc1Run::arcAtTarget));
        }
        double[] growth = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            Gc1Run run = r.find(base, seed);
            growth[seed] = Math.log10(run.gcAtTarget() / run.gcInit());
        }
        out.add(Claim.of("GC-1 GC init << end", "GC at initialization is far below GC at the end of training",
                "log10(GC at the target / GC at initialization), baseline " + base.label(), Direction.INCREASE, 0, 0)
                .test(growth));
        return out;
    }

    private static ClaimResult lower(Gc1Result r, String id, String statement, String statistic, Gc1Config base,
                                     Gc1Config far, ToDoubleFunction<Gc1Run> v) {
        double[] perSeed = new double[r.setting().seeds()];
        for (int seed = 0; seed < perSeed.length; seed++) {
            perSeed[seed] = Math.log(v.applyAsDouble(r.find(far, seed)) / v.applyAsDouble(r.find(base, seed)));
        }
        return Claim.of(id, statement, statistic, Direction.DECREASE, 0, 0).test(perSeed);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
