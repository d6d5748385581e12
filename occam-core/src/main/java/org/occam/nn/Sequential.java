package org.occam.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Layers applied in order, with parameters named "i.weight" as torch.nn.Sequential names them, or
 * "conv1.weight" when the children are named (torch's {@code nn.Sequential(OrderedDict(...))}).
 * As a {@link Model} it is a function of (parameters, input), or of (parameters, state, input,
 * mode) when a child keeps buffers.
 *
 * @param layers the children, applied in order
 * @param names their names (null: 0, 1, 2, ...)
 */
public record Sequential(List<Layer> layers, List<String> names) implements Layer, Model {

    /** Copies the lists; the names must be distinct, one per layer. */
    public Sequential {
        layers = List.copyOf(layers);
        names = names == null ? indices(layers.size()) : List.copyOf(names);
        if (names.size() != layers.size() || new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("Sequential needs one distinct name per layer, got " + names + " for "
                    + layers.size() + " layers");
        }
    }

    /**
     * Children named 0, 1, 2, ...
     *
     * @param layers the children, applied in order
     */
    public Sequential(List<Layer> layers) {
        this(layers, null);
    }

    /**
     * The layers in order, named 0, 1, 2, ...
     *
     * @param layers the children
     * @return the sequence
     */
    public static Sequential of(Layer... layers) {
        return new Sequential(List.of(layers));
    }

    private static List<String> indices(int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(Integer.toString(i));
        }
        return l;
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> l = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (ParamSpec p : layers.get(i).params()) {
                l.add(p.prefixed(names.get(i) + "."));
            }
        }
        return l;
    }

    @Override
    public List<BufferSpec> buffers() {
        List<BufferSpec> l = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (BufferSpec b : layers.get(i).buffers()) {
                l.add(b.prefixed(names.get(i) + "."));
            }
        }
        return l;
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        return apply(param, Forward.ambient(), x);
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Forward frame, Tensor x) {
        Tensor h = x;
        for (int i = 0; i < layers.size(); i++) {
            h = applyChild(i, param, frame, h);
        }
        return h;
    }

    /**
     * Child {@code i} applied to x, with its parameters and buffers under its name.
     *
     * @param i the child's index
     * @param param the parameters by full name
     * @param frame the forward frame (null for stateless layers)
     * @param x the input
     * @return the child's output
     */
    public Tensor applyChild(int i, Function<String, Tensor> param, Forward frame, Tensor x) {
        String prefix = names.get(i) + ".";
        return layers.get(i).apply(name -> param.apply(prefix + name), frame == null ? null : frame.child(names.get(i)), x);
    }

    @Override
    public Tensor apply(Params p, Tensor x) {
        return apply(p::get, x);
    }

    /**
     * The output of layer {@code upTo} (exclusive end index), e.g. a penultimate embedding.
     *
     * @param p the parameters
     * @param x the input
     * @param upTo the number of leading layers to apply
     * @return the output after those layers
     */
    public Tensor applyPrefix(Params p, Tensor x, int upTo) {
        return new Sequential(layers.subList(0, upTo), names.subList(0, upTo)).apply(p::get, x);
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
            sb.append(i == 0 ? "" : ", ");
            if (!names.get(i).equals(Integer.toString(i))) {
                sb.append(names.get(i)).append('=');
            }
            sb.append(layers.get(i).describe());
        }
        return sb.append(')').toString();
    }
}
