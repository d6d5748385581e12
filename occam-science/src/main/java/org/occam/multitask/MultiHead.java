package org.occam.multitask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Ops;
import org.occam.data.Dataset;
import org.occam.nn.Layer;
import org.occam.nn.Linear;
import org.occam.nn.Losses;
import org.occam.nn.Model;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * A shared trunk with one head per task (METHODS §6), as a function of Params: parameters are
 * named "trunk.{name}" and "head{k}.{name}" (the Sequential names inside). As a
 * {@link org.occam.nn.Model} its output is the heads' outputs side by side, so
 * {@link ColumnTasks#of(org.occam.nn.Model, Dataset, int...)} with {@link #widths()} gives the
 * column tasks on shared inputs; {@link #task} gives a head's task on its own data.
 *
 * @param trunk the shared layers
 * @param heads one network per task, applied to the trunk's output
 */
public record MultiHead(Sequential trunk, List<Sequential> heads) implements Model {
    /** Checks a trunk and at least one head, each head ending in a Linear layer. */
    public MultiHead {
        if (trunk == null || heads == null || heads.isEmpty()) {
            throw new IllegalArgumentException("a multi-head network needs a trunk and at least one head");
        }
        heads = List.copyOf(heads);
        for (Sequential h : heads) {
            width(h);
        }
    }

    /**
     * A trunk and one Linear(trunkOutputs, w) head per task width.
     *
     * @param trunk the shared layers
     * @param trunkOutputs the trunk's output width
     * @param headWidths the width of each head
     * @return the network
     */
    public static MultiHead of(Sequential trunk, int trunkOutputs, int... headWidths) {
        List<Sequential> hs = new ArrayList<>();
        for (int w : headWidths) {
            hs.add(Sequential.of(new Linear(trunkOutputs, w, true)));
        }
        return new MultiHead(trunk, hs);
    }

    /**
     * Output columns of each head.
     *
     * @return the widths
     */
    public int[] widths() {
        int[] w = new int[heads.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = width(heads.get(k));
        }
        return w;
    }

    /**
     * The trunk's features of x.
     *
     * @param p the parameters
     * @param x the inputs
     * @return the features
     */
    public Tensor features(Params p, Tensor x) {
        return trunk.apply(name -> p.get("trunk." + name), x);
    }

    /**
     * Head k applied to features.
     *
     * @param p the parameters
     * @param features the trunk's features
     * @param k the head
     * @return the head's output
     */
    public Tensor head(Params p, Tensor features, int k) {
        if (k < 0 || k >= heads.size()) {
            throw new IllegalArgumentException("head index must be in 0.." + (heads.size() - 1) + ", got " + k);
        }
        String prefix = "head" + k + ".";
        return heads.get(k).apply(name -> p.get(prefix + name), features);
    }

    /**
     * Head k's output for x.
     *
     * @param p the parameters
     * @param x the inputs
     * @param k the head
     * @return the head's output
     */
    public Tensor applyHead(Params p, Tensor x, int k) {
        return head(p, features(p, x), k);
    }

    @Override
    public Tensor apply(Params p, Tensor x) {
        Tensor f = features(p, x);
        Tensor[] outs = new Tensor[heads.size()];
        for (int k = 0; k < outs.length; k++) {
            outs[k] = head(p, f, k);
        }
        return outs.length == 1 ? outs[0] : Ops.concat(1, outs);
    }

    @Override
    public Params init(Rng rng, DType dtype) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        put(m, "trunk.", trunk.init(rng, dtype));
        for (int k = 0; k < heads.size(); k++) {
            put(m, "head" + k + ".", heads.get(k).init(rng, dtype));
        }
        return Params.of(m);
    }

    /**
     * Head k's task on its own data: the MSE of its output against the data's targets.
     *
     * @param k the head
     * @param name the task's name
     * @param data the task's data
     * @return the task
     */
    public Task task(int k, String name, Dataset data) {
        if (k < 0 || k >= heads.size()) {
            throw new IllegalArgumentException("head index must be in 0.." + (heads.size() - 1) + ", got " + k);
        }
        return new Task(name, (p, b) -> Losses.mse(applyHead(p, b.x(), k), b.targets()), data);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("MultiHead(trunk=").append(trunk.describe());
        for (int k = 0; k < heads.size(); k++) {
            sb.append(", head").append(k).append('=').append(heads.get(k).describe());
        }
        return sb.append(')').toString();
    }

    private static void put(Map<String, Tensor> m, String prefix, Params p) {
        for (var e : p) {
            m.put(prefix + e.getKey(), e.getValue());
        }
    }

    private static int width(Sequential head) {
        List<Layer> layers = head.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof Linear l) {
                return l.out();
            }
        }
        throw new IllegalArgumentException("a head must contain a Linear layer (its width is the last one's outputs): "
                + head.describe());
    }
}
