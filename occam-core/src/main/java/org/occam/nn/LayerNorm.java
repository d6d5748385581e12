package org.occam.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Ops;
import org.occam.tensor.Tensor;

/**
 * torch.nn.LayerNorm over the last axis: (x − mean)/√(var + eps)·weight + bias (biased variance).
 *
 * @param size the length of the last axis
 * @param eps added to the variance
 * @param affine whether to learn a scale and shift
 */
public record LayerNorm(int size, double eps, boolean affine) implements Layer {

    /**
     * torch.nn.LayerNorm(size) with eps 1e-5 and a learned scale and shift.
     *
     * @param size the length of the last axis
     */
    public LayerNorm(int size) {
        this(size, 1e-5, true);
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> l = new ArrayList<>();
        if (affine) {
            l.add(new ParamSpec("weight", new int[] {size}, new Init(Init.Kind.ONES, 1), size, size));
            l.add(new ParamSpec("bias", new int[] {size}, new Init(Init.Kind.ZEROS, 1), size, size));
        }
        return l;
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        Tensor centered = x.sub(Ops.mean(x, true, -1));
        Tensor var = Ops.mean(centered.square(), true, -1);
        Tensor y = centered.div(var.add(eps).sqrt());
        return affine ? y.mul(param.apply("weight")).add(param.apply("bias")) : y;
    }

    @Override
    public String describe() {
        return "LayerNorm((" + size + ",), eps=" + eps + (affine ? "" : ", elementwise_affine=False") + ")";
    }
}
