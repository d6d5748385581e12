package org.occam.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * The diagonal blocks H_ll of a symmetric operator over groups of named parameters
 * (docs/curvature.md, "blocks"): H_ll v_l is the l-part of H applied to v_l padded with zeros, so
 * one block product costs one full product. The block traces sum to tr H; the block eigenvalues
 * are the curvature of one layer with the others frozen (eigenvalues of H_ll, not of H).
 */
public final class HessianBlocks {
    private HessianBlocks() {
    }

    /** How parameters are grouped into blocks. */
    public enum Grouping {
        /** One block per named parameter ("0.weight", "0.bias", ...). */
        PARAMETERS,
        /** One block per layer: parameters sharing the name up to the last '.' ("0.weight" and "0.bias" form "0"). */
        LAYERS;

        /**
         * Parses "params" or "layers", naming the field in the message.
         *
         * @param s the name
         * @param field the option or config field, for the message
         * @return the grouping
         */
        public static Grouping parse(String s, String field) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "params", "parameters" -> PARAMETERS;
                case "layers" -> LAYERS;
                default -> throw new IllegalArgumentException(field + ": unknown block grouping '" + s
                        + "'; allowed: layers, params");
            };
        }
    }

    /**
     * A block: its name, the parameters it holds, and H_ll as an operator on them.
     *
     * @param name the block's name (a parameter or a layer)
     * @param parameters the parameters it holds
     * @param op H_ll on those parameters
     */
    public record Block(String name, List<String> parameters, LinearOperator op) {
        /** Copies the list of parameters. */
        public Block {
            parameters = List.copyOf(parameters);
        }

        /**
         * Number of scalar parameters in the block.
         *
         * @return the block's dimension
         */
        public int size() {
            return op.dim();
        }
    }

    /**
     * The parameter groups of a tree, in the tree's order.
     *
     * @param template the parameters
     * @param grouping by parameter or by layer
     * @return the groups by name
     */
    public static Map<String, List<String>> groups(Params template, Grouping grouping) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String n : template.names()) {
            String key = grouping == Grouping.PARAMETERS || n.lastIndexOf('.') < 0 ? n : n.substring(0, n.lastIndexOf('.'));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        return out;
    }

    /**
     * Every diagonal block of {@code full} under the grouping.
     *
     * @param full H
     * @param grouping by parameter or by layer
     * @return the blocks
     */
    public static List<Block> of(LinearOperator full, Grouping grouping) {
        List<Block> out = new ArrayList<>();
        groups(full.template(), grouping).forEach((name, params) -> out.add(new Block(name, params, block(full, params))));
        return out;
    }

    /**
     * H_ll for the named parameters: v_l ↦ (H [v_l; 0])_l.
     *
     * @param full H
     * @param names the block's parameters
     * @return H_ll
     */
    public static LinearOperator block(LinearOperator full, List<String> names) {
        Params t = full.template();
        Map<String, Tensor> sub = new LinkedHashMap<>();
        for (String n : names) {
            sub.put(n, t.get(n));
        }
        return LinearOperator.of(Params.of(sub), v -> {
            Map<String, Tensor> padded = new LinkedHashMap<>();
            for (String n : t.names()) {
                padded.put(n, sub.containsKey(n) ? v.get(n) : Tensor.zeros(t.get(n).dtype(), t.get(n).shapeRef()));
            }
            Params hv = full.apply(Params.of(padded));
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (String n : names) {
                out.put(n, hv.get(n));
            }
            return Params.of(out);
        });
    }
}
