package org.occam.multitask;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.measure.TrainingSubset;
import org.occam.data.Dataset;
import org.occam.tensor.Tensor;
import org.occam.train.Monitor;

/**
 * A training monitor for regression with an [N, K] target and the torch-style {@code mse} loss,
 * each target column a task (METHODS §6): on a fixed seeded subset of the training rows it records
 * the {@link TaskMetrics.Snapshot#toMap} keys of the column parts ℓ_k = L_k/K of the loss (their
 * sum is the loss GD differentiates, so task_conflict = (h/2)Σ_{i&lt;j}⟨∇ℓ_i, ∇ℓ_j⟩ is the conflict
 * term of its modified loss at the current rate h; the final row has no rate and no task_conflict).
 * The (h/2) coefficient is that of plain GD/SGD; under momentum or Adam task_conflict is only the
 * GD reference value (the cosines and inner products hold for any optimizer).
 */
public final class TaskConflictMonitor implements Monitor {
    private final int every;
    private final TrainingSubset subset;
    private final boolean brackets;
    private boolean checked;

    /**
     * A monitor of the task gradients' conflict on the first {@code samples} training rows.
     *
     * @param every    measure every this many steps
     * @param samples  training rows measured (the first of a permutation seeded 0; all when ≥ N)
     * @param brackets also the Lie-bracket norms ‖[∇ℓ_i, ∇ℓ_j]‖ (2 HVPs per pair)
     */
    public TaskConflictMonitor(int every, int samples, boolean brackets) {
        if (every < 1 || samples < 1) {
            throw new IllegalArgumentException("task_conflict monitor: every and samples must be positive, got every="
                    + every + ", samples=" + samples);
        }
        this.every = every;
        this.subset = new TrainingSubset(samples, 0);
        this.brackets = brackets;
    }

    @Override
    public int every() {
        return every;
    }

    @Override
    public Map<String, Double> measure(Context ctx) {
        Batch b = batch(ctx.train());
        List<Function<Params, Tensor>> parts = ConflictRegularizer.columnParts(ctx.model(), b);
        if (!checked) {
            ConflictRegularizer.checkIsColumnMse(ctx.objective().base(), parts, ctx.params(), b);
            checked = true;
        }
        return TaskMetrics.measure(parts, ctx.params(), brackets).toMap(ctx.lr());
    }

    private Batch batch(Dataset train) {
        ColumnTasks.targetColumns(train);
        return subset.batch(train);
    }
}
