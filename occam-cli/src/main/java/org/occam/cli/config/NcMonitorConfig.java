package org.occam.cli.config;

import java.util.Arrays;
import java.util.List;
import org.occam.collapse.CollapseMonitor;
import org.occam.collapse.CollapseProbe;
import org.occam.data.DataException;
import org.occam.data.Dataset;
import org.occam.data.ImageLayout;
import org.occam.train.Monitor;

/**
 * The {@code collapse} entry of {@link MonitorRegistry} (METHODS §7.4, §11 NC-1): its parameters
 * and how a config builds a {@link CollapseMonitor}, including the held-out target classes, which
 * are loaded from their own data spec ({@code target_data}, e.g. {@code digits:all}) because the
 * config's data section keeps only the training classes.
 */
public final class NcMonitorConfig {
    private NcMonitorConfig() {
    }

    /** One line for help texts. */
    public static final String DOC = "neural collapse of the penultimate embedding (METHODS §7.4): nc1, cdnv, ncc_accuracy,"
            + " embedding_gc, gc_cdnv_bound; with target classes target_nc1, target_cdnv, target_ncc_accuracy,"
            + " fewshot_accuracy, fewshot_stderr";

    /** The keys of its rows. */
    public static final List<String> KEYS = List.of("nc1", "cdnv", "ncc_accuracy", "embedding_gc", "gc_cdnv_bound",
            "target_nc1", "target_cdnv", "target_ncc_accuracy", "fewshot_accuracy", "fewshot_stderr");

    /** The parameters. */
    public static List<Param> params() {
        return List.of(MonitorRegistry.every(100),
                Param.positiveInt("samples", 1024L, "training rows it is measured on (a fixed seeded subset)"),
                Param.intIn("layer", -1L, -1, 10_000, "embedding = output of this many layers; -1: all but the last"),
                Param.bool("gc", true, "also the embedding's GC per class and the Poincaré bound (k pullbacks per chunk)"),
                Param.string("target_data", "", "held-out set, a data spec such as digits:all or mnist:test[:2000]"
                        + " (loaded as is: the config's normalize is not applied)"),
                Param.intList("target_classes", 0, Integer.MAX_VALUE, "classes of target_data to transfer to (empty: all)"),
                Param.positiveInt("shots", 5L, "k of k-shot nearest-class-centre transfer"),
                Param.positiveInt("episodes", 100L, "few-shot episodes"),
                Param.nonNegativeInt("seed", 0L, "seed of the training subset and the episodes"),
                Param.positiveInt("chunk", 256L, "rows per forward and GC pass (memory bound)"));
    }

    /** Builds the monitor of a checked {@code collapse} entry. */
    public static Monitor create(ComponentConfig c, BuildContext ctx) {
        CollapseProbe probe = new CollapseProbe(c.integer("layer"), c.bool("gc"), c.integer("shots"), c.integer("episodes"),
                c.longValue("seed"), c.integer("chunk"));
        return new CollapseMonitor(c.integer("every"), c.integer("samples"), probe, target(c, ctx.train()));
    }

    /** The target set: target_data restricted to target_classes, in the training set's layout and dtype; or null. */
    static Dataset target(ComponentConfig c, Dataset train) {
        String spec = c.str("target_data").trim();
        int[] classes = c.ints("target_classes");
        if (spec.isEmpty()) {
            if (classes.length > 0) {
                throw new ConfigException("collapse: target_classes needs target_data, the set they come from"
                        + " (e.g. target_data: digits:all)");
            }
            return null;
        }
        ImageLayout layout = train.x().rank() == 2 ? ImageLayout.FLAT : ImageLayout.NCHW;
        Dataset d;
        try {
            d = DataLoader.fromSpec(spec, "collapse.target_data", layout, train.dtype(), 0);
        } catch (DataException e) {
            throw new ConfigException("collapse.target_data: " + e.getMessage(), e);
        }
        if (!d.hasLabels()) {
            throw new ConfigException("collapse.target_data: " + d.name() + " has no class labels");
        }
        if (classes.length > 0) {
            try {
                d = d.classSubset(classes);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("collapse.target_classes: " + e.getMessage(), e);
            }
        }
        if (!Arrays.equals(d.sampleShape(), train.sampleShape())) {
            throw new ConfigException("collapse.target_data: samples of shape " + Arrays.toString(d.sampleShape())
                    + " do not fit the training samples of shape " + Arrays.toString(train.sampleShape()));
        }
        return d;
    }
}
