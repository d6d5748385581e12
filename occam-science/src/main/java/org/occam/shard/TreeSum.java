package org.occam.shard;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The fixed-shape pairwise sum of C leaf vectors (docs/sharded-objective.md): node (0, j) is leaf
 * j; node (l, j) is node (l−1, 2j) + node (l−1, 2j+1), or node (l−1, 2j) alone when the right
 * half is empty; the root is node (L, 0) with 2^L ≥ C. The shape depends on C only, and every
 * node is a function of the leaves under it, so any machine that holds a run of leaves can sum
 * the nodes that lie wholly inside it and the driver finishes the tree with the same bits as
 * one machine summing every leaf.
 */
public final class TreeSum {
    private TreeSum() {
    }

    /**
     * One node of the tree and its value (what a partition sends to the driver).
     *
     * @param level the node's height above the leaves (0: a leaf)
     * @param index its position among the nodes of that level
     * @param value the sum of the leaves under it
     */
    public record Node(int level, int index, double[] value) implements Serializable {
    }

    /**
     * The root over {@code leaves} leaves, each computed once by {@code leaf}.
     *
     * @param leaves C
     * @param leaf computes leaf k
     * @return the root
     */
    public static double[] sum(int leaves, IntFunction<double[]> leaf) {
        return node(leaves, height(leaves), 0, leaf, Map.of());
    }

    /**
     * The largest nodes whose leaves are all in {@code held} (the leaves one partition holds, any
     * order): computing them touches each held leaf once.
     *
     * @param leaves C
     * @param held the leaves this partition holds
     * @param leaf computes leaf k
     * @return the complete nodes
     */
    public static List<Node> partial(int leaves, int[] held, IntFunction<double[]> leaf) {
        boolean[] has = new boolean[leaves];
        for (int i : held) {
            has[i] = true;
        }
        List<Node> out = new ArrayList<>();
        collect(leaves, height(leaves), 0, has, leaf, out);
        return out;
    }

    /**
     * The root from nodes sent by the partitions (together they must cover every leaf).
     *
     * @param leaves C
     * @param nodes the nodes from every partition
     * @return the root
     */
    public static double[] combine(int leaves, Collection<Node> nodes) {
        Map<Long, double[]> known = new HashMap<>();
        for (Node n : nodes) {
            known.put(key(n.level(), n.index()), n.value());
        }
        return node(leaves, height(leaves), 0, j -> {
            throw new IllegalStateException("no partition sent leaf " + j + " of " + leaves);
        }, known);
    }

    /** L = ⌈log₂ C⌉ (0 for a single leaf). */
    static int height(int leaves) {
        if (leaves < 1) {
            throw new IllegalArgumentException("a tree sum needs at least one leaf, got " + leaves);
        }
        return 32 - Integer.numberOfLeadingZeros(leaves - 1);
    }

    private static void collect(int leaves, int level, int index, boolean[] has, IntFunction<double[]> leaf, List<Node> out) {
        long first = (long) index << level;
        if (first >= leaves) {
            return;
        }
        long end = Math.min(leaves, (long) (index + 1) << level);
        int count = 0;
        for (long i = first; i < end; i++) {
            count += has[(int) i] ? 1 : 0;
        }
        if (count == 0) {
            return;
        }
        if (count == end - first) {
            out.add(new Node(level, index, node(leaves, level, index, leaf, Map.of())));
            return;
        }
        collect(leaves, level - 1, 2 * index, has, leaf, out);
        collect(leaves, level - 1, 2 * index + 1, has, leaf, out);
    }

    private static double[] node(int leaves, int level, int index, IntFunction<double[]> leaf, Map<Long, double[]> known) {
        double[] k = known.get(key(level, index));
        if (k != null) {
            return k;
        }
        if (level == 0) {
            return leaf.apply(index);
        }
        double[] left = node(leaves, level - 1, 2 * index, leaf, known);
        if (((long) (2 * index + 1) << (level - 1)) >= leaves) {
            return left;
        }
        double[] right = node(leaves, level - 1, 2 * index + 1, leaf, known);
        if (left.length != right.length) {
            throw new IllegalStateException("tree sum: vectors of lengths " + left.length + " and " + right.length);
        }
        double[] s = new double[left.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = left[i] + right[i];
        }
        return s;
    }

    private static long key(int level, int index) {
        return ((long) level << 32) | index;
    }
}
