package org.occam.multitask;

import java.util.ArrayList;
import java.util.List;
import org.occam.data.Dataset;
import org.occam.nn.Losses;
import org.occam.nn.Model;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * Tasks that are groups of output columns of one network on shared inputs with a [N, K] target
 * (METHODS §6): task k is the mean squared error of its columns, L_k = mean over rows and its
 * columns of (f(x) − y)². With one column per task these are the "one output per task" shared-head
 * tasks; a {@link MultiHead} network's heads are groups of its output columns.
 *
 * <p>Torch-style {@code mse} over all K columns equals (1/K)Σ_k L_k for one-column tasks: its task
 * parts are {@code Task.mean(ColumnTasks.of(model, data))} (see the package notes on sum and mean).
 */
public final class ColumnTasks {
    private ColumnTasks() {
    }

    /**
     * One task per output column: task k is named "task{k}" and is the MSE of column k.
     *
     * @param model the network
     * @param data regression data with targets [N, K]
     * @return K tasks
     */
    public static List<Task> of(Model model, Dataset data) {
        int k = targetColumns(data);
        int[] widths = new int[k];
        java.util.Arrays.fill(widths, 1);
        return of(model, data, widths);
    }

    /**
     * One task per group of consecutive output columns of the given widths (they must cover the target).
     *
     * @param model the network
     * @param data regression data
     * @param widths the columns of each task
     * @return the tasks
     */
    public static List<Task> of(Model model, Dataset data, int... widths) {
        int k = targetColumns(data);
        int total = 0;
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("column group widths must be positive, got " + java.util.Arrays.toString(widths));
            }
            total += w;
        }
        if (widths.length == 0 || total != k) {
            throw new IllegalArgumentException("column groups " + java.util.Arrays.toString(widths) + " must cover the "
                    + k + " target columns of " + data.name());
        }
        List<Task> out = new ArrayList<>();
        int from = 0;
        for (int t = 0; t < widths.length; t++) {
            int a = from;
            int b = from + widths[t];
            out.add(new Task("task" + t, (p, batch) -> columnMse(model.apply(p, batch.x()), batch.targets(), a, b), data));
            from = b;
        }
        return List.copyOf(out);
    }

    /**
     * Mean of (prediction − target)² over all rows and the columns [from, to).
     *
     * @param prediction the predictions
     * @param target the targets
     * @param from the first column
     * @param to one past the last column
     * @return the mean squared error
     */
    public static Tensor columnMse(Tensor prediction, Tensor target, int from, int to) {
        if (prediction.rank() != 2 || !Shape.same(prediction.shapeRef(), target.shapeRef())) {
            throw new IllegalArgumentException("column tasks need predictions and targets of one shape [N, K], got "
                    + Shape.str(prediction.shapeRef()) + " and " + Shape.str(target.shapeRef()));
        }
        return Losses.mse(prediction.slice(1, from, to), target.slice(1, from, to));
    }

    /**
     * K of a data set with regression targets [N, K].
     *
     * @param data the data set
     * @return K
     */
    public static int targetColumns(Dataset data) {
        if (data == null || !data.hasTargets() || data.targets().rank() != 2) {
            throw new IllegalArgumentException("column tasks need regression targets of shape [N, K] (each column a task), got "
                    + (data == null || !data.hasTargets() ? "no targets" : Shape.str(data.targets().shapeRef()))
                    + (data == null ? "" : " in " + data.name()));
        }
        return data.targets().size(1);
    }
}
