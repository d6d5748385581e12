package org.occam.autodiff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.occam.tensor.Ops;
import org.occam.tensor.DType;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * A parameter tree: an ordered map from PyTorch state_dict-style names ("0.weight") to tensors.
 * Immutable; {@link #flatten()} and {@link #unflatten(Tensor)} move between the tree and one
 * vector (both differentiable), so the science code can work on vectors while models keep names.
 */
public final class Params implements Iterable<Map.Entry<String, Tensor>> {
    private final Map<String, Tensor> map;

    private Params(Map<String, Tensor> map) {
        this.map = Collections.unmodifiableMap(map);
    }

    /**
     * A tree from a map, keeping its iteration order.
     *
     * @param entries names to tensors
     * @return the tree
     */
    public static Params of(Map<String, Tensor> entries) {
        return new Params(new LinkedHashMap<>(entries));
    }

    /**
     * A tree from alternating names and tensors: {@code Params.of("w", w, "b", b)}.
     *
     * @param nameTensorPairs name, tensor, name, tensor, …
     * @return the tree
     */
    public static Params of(Object... nameTensorPairs) {
        if (nameTensorPairs.length % 2 != 0) {
            throw new IllegalArgumentException("Params.of needs name/tensor pairs, got " + nameTensorPairs.length + " items");
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < nameTensorPairs.length; i += 2) {
            m.put((String) nameTensorPairs[i], (Tensor) nameTensorPairs[i + 1]);
        }
        return new Params(m);
    }

    /**
     * The entry with this name; an unknown name is an error listing the names.
     *
     * @param name a state_dict-style name
     * @return its tensor
     */
    public Tensor get(String name) {
        Tensor t = map.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; names are " + map.keySet());
        }
        return t;
    }

    /** {@return the names, in order (a copy)} */
    public List<String> names() {
        return new ArrayList<>(map.keySet());
    }

    /** {@return the number of entries} */
    public int size() {
        return map.size();
    }

    /** {@return the total number of scalar parameters} */
    public int numel() {
        int n = 0;
        for (Tensor t : map.values()) {
            n += t.numel();
        }
        return n;
    }

    /** {@return the dtype of the first entry} */
    public DType dtype() {
        return map.values().iterator().next().dtype();
    }

    /** {@return the entries as an unmodifiable map, in order} */
    public Map<String, Tensor> asMap() {
        return map;
    }

    /** {@return the entries, in order} */
    @Override
    public Iterator<Map.Entry<String, Tensor>> iterator() {
        return map.entrySet().iterator();
    }

    /**
     * A copy with one entry replaced or added.
     *
     * @param name the entry's name
     * @param t its new value
     * @return the new tree
     */
    public Params with(String name, Tensor t) {
        Map<String, Tensor> m = new LinkedHashMap<>(map);
        m.put(name, t);
        return new Params(m);
    }

    /**
     * f applied to every entry.
     *
     * @param f the function of one tensor
     * @return the tree of results, same names
     */
    public Params map(UnaryOperator<Tensor> f) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(k, f.apply(v)));
        return new Params(m);
    }

    /**
     * Combines two trees with the same names and shapes entry by entry.
     *
     * @param other the second tree
     * @param f the function of (this entry, other entry)
     * @return the tree of results
     */
    public Params zip(Params other, BinaryOperator<Tensor> f) {
        checkSameStructure(other);
        Map<String, Tensor> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(k, f.apply(v, other.map.get(k))));
        return new Params(m);
    }

    /**
     * Entrywise sum.
     *
     * @param o a tree of the same structure
     * @return this + o
     */
    public Params add(Params o) {
        return zip(o, Tensor::add);
    }

    /**
     * Entrywise difference.
     *
     * @param o a tree of the same structure
     * @return this − o
     */
    public Params sub(Params o) {
        return zip(o, Tensor::sub);
    }

    /**
     * Every entry times a scalar.
     *
     * @param s the factor
     * @return s · this
     */
    public Params scale(double s) {
        return map(t -> t.mul(s));
    }

    /**
     * this + s·o (the update of a gradient step).
     *
     * @param o a tree of the same structure
     * @param s the factor on o
     * @return this + s·o
     */
    public Params addScaled(Params o, double s) {
        return zip(o, (a, b) -> a.add(b.mul(s)));
    }

    /**
     * Σ ⟨this_i, o_i⟩ as a scalar tensor (differentiable).
     *
     * @param o a tree of the same structure
     * @return the inner product
     */
    public Tensor dot(Params o) {
        checkSameStructure(o);
        Tensor acc = null;
        for (Map.Entry<String, Tensor> e : map.entrySet()) {
            Tensor d = e.getValue().dot(o.map.get(e.getKey()));
            acc = acc == null ? d : acc.add(d);
        }
        return acc;
    }

    /** {@return the squared Euclidean norm of all entries together (differentiable)} */
    public Tensor normSquared() {
        return dot(this);
    }

    /** {@return the values as constants} */
    public Params detach() {
        return map(Tensor::detach);
    }

    /** {@return all entries, in order, as one 1-D vector (differentiable)} */
    public Tensor flatten() {
        Tensor[] parts = new Tensor[map.size()];
        int i = 0;
        for (Tensor t : map.values()) {
            parts[i++] = t.reshape(t.numel());
        }
        return Ops.concat(0, parts);
    }

    /**
     * The inverse of {@link #flatten()}: a tree shaped like this one holding the vector's values.
     *
     * @param vec a vector of {@link #numel()} elements
     * @return the tree (differentiable in vec)
     */
    public Params unflatten(Tensor vec) {
        if (vec.rank() != 1 || vec.numel() != numel()) {
            throw new IllegalArgumentException("unflatten needs a vector of " + numel() + " elements, got shape "
                    + Shape.str(vec.shapeRef()));
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        int pos = 0;
        for (Map.Entry<String, Tensor> e : map.entrySet()) {
            int n = e.getValue().numel();
            m.put(e.getKey(), vec.slice(0, pos, pos + n).reshape(e.getValue().shapeRef()));
            pos += n;
        }
        return new Params(m);
    }

    private void checkSameStructure(Params o) {
        if (!map.keySet().equals(o.map.keySet())) {
            throw new IllegalArgumentException("parameter trees differ: " + map.keySet() + " vs " + o.map.keySet());
        }
        for (Map.Entry<String, Tensor> e : map.entrySet()) {
            Tensor b = o.map.get(e.getKey());
            if (!Shape.same(e.getValue().shapeRef(), b.shapeRef())) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' has shape "
                        + Shape.str(e.getValue().shapeRef()) + " in one tree and " + Shape.str(b.shapeRef()) + " in the other");
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Params{");
        map.forEach((k, v) -> sb.append(k).append(Shape.str(v.shapeRef())).append(' '));
        return sb.append('}').toString();
    }
}
