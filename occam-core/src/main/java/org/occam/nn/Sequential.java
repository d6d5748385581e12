package org.occam.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Layers applied in order, with parameters named "i.weight" as torch.nn.Sequential names them.
 * As a {@link Model} it is a function of (parameters, input).
 */
public record Sequential(List<Layer> layers) implements Layer, Model {

    public Sequential {
        layers = List.copyOf(layers);
    }

    public static Sequential of(Layer... layers) {
        return new Sequential(List.of(layers));
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> l = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (ParamSpec p : layers.get(i).params()) {
                l.add(new ParamSpec(i + "." + p.name(), p.shape(), p.init(), p.fanIn(), p.fanOut()));
            }
        }
        return l;
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        Tensor h = x;
        for (int i = 0; i < layers.size(); i++) {
            String prefix = i + ".";
            h = layers.get(i).apply(name -> param.apply(prefix + name), h);
        }
        return h;
    }

    @Override
    public Tensor apply(Params p, Tensor x) {
        return apply(p::get, x);
    }

    /** The output of layer {@code upTo} (exclusive end index), e.g. a penultimate embedding. */
    public Tensor applyPrefix(Params p, Tensor x, int upTo) {
        return new Sequential(layers.subList(0, upTo)).apply(p::get, x);
    }

    @Override
    public Params init(Rng rng, DType dtype) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (ParamSpec s : params()) {
            m.put(s.name(), s.init().sample(rng, dtype, s.shape(), s.fanIn(), s.fanOut()));
        }
        return Params.of(m);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("Sequential(");
        for (int i = 0; i < layers.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(layers.get(i).describe());
        }
        return sb.append(')').toString();
    }
}
