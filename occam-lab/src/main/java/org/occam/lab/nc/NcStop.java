package org.occam.lab.nc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.occam.data.Dataset;
import org.occam.nn.Sequential;
import org.occam.train.Evaluation;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.StopCondition;

/**
 * NC-1's stopping rule over the {@code Trainer}'s rows. The training cross-entropy and accuracy on
 * the source set are measured after every epoch, and with a loss target also every quarter epoch
 * (the row of step k, k &gt; 0, holds them when k updates end such a stretch); a measured row ends
 * the run when the loss exceeds the divergence bound, in the terminal phase ({@code terminalFactor}
 * times the first step at 100 % training accuracy) or at the loss target. It remembers that first
 * step, so one instance serves one uninterrupted run (NC-1 runs do not checkpoint).
 */
final class NcStop implements StopCondition {
    /** Rows per evaluation pass. */
    static final int CHUNK = 2048;

    private final NcSweep.Settings settings;
    private final int perEpoch;
    private final int check;
    private final double bound;
    private long fitStep = -1;

    NcStop(NcSweep.Settings settings, int perEpoch, double bound) {
        this.settings = settings;
        this.perEpoch = perEpoch;
        this.check = Math.max(1, perEpoch / 4);
        this.bound = bound;
    }

    /** Whether the source set is measured at step k: at an epoch's end, and every quarter epoch with a loss target. */
    boolean due(long k) {
        long i = k % perEpoch;
        return k > 0 && (i == 0 || settings.lossTarget() > 0 && i % check == 0);
    }

    /** The measurement: {@code train_loss} and {@code train_accuracy} of the plain cross-entropy on the source set, when due. */
    Monitor monitor(Sequential model, Objective ce, Dataset source) {
        return Monitor.of(1, ctx -> {
            Map<String, Double> row = new LinkedHashMap<>();
            if (due(ctx.step())) {
                Evaluation.Result r = Evaluation.evaluate(model, ce, ctx.params(), source, CHUNK);
                row.put("train_loss", r.loss());
                row.put("train_accuracy", r.accuracy());
            }
            return row;
        });
    }

    @Override
    public Optional<String> check(Map<String, Object> row) {
        if (!(row.get("train_accuracy") instanceof Number acc)) {
            return Optional.empty();
        }
        if (fitStep < 0 && acc.doubleValue() == 1) {
            fitStep = step(row);
        }
        if (diverged(row)) {
            return Optional.of("training loss " + trainLoss(row) + " above " + bound);
        }
        return reached(row) ? Optional.of(settings.terminalFactor() > 0 ? "terminal phase" : "loss target") : Optional.empty();
    }

    /** The first measured step at 100 % training accuracy (−1: none yet). */
    long fitStep() {
        return fitStep;
    }

    /** Whether a measured row's loss is above the bound (or NaN). */
    boolean diverged(Map<String, Object> row) {
        return !(trainLoss(row) <= bound);
    }

    /** Whether a measured row ends the run by the rule: in the terminal phase, or at the loss target. */
    boolean reached(Map<String, Object> row) {
        double loss = trainLoss(row);
        return settings.terminalFactor() > 0 ? fitStep > 0 && step(row) >= settings.terminalFactor() * fitStep
                : settings.lossTarget() > 0 && loss <= settings.lossTarget();
    }

    /** The row's source training loss; for a row that ended on a non-finite batch loss, that loss. */
    static double trainLoss(Map<String, Object> row) {
        Object v = row.containsKey("train_loss") ? row.get("train_loss") : row.get("loss");
        return ((Number) v).doubleValue();
    }

    private static long step(Map<String, Object> row) {
        return ((Number) row.get("step")).longValue();
    }
}
