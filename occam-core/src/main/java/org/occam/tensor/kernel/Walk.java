package org.occam.tensor.kernel;

import java.util.Arrays;

/**
 * Row-by-row iteration of two strided operands over a dense output: axes of size 1 are dropped,
 * neighbouring axes that both operands step through contiguously alike are merged, and the last
 * remaining axis is the row that kernels run along.
 */
record Walk(int[] outer, int[] sa, int[] sb, int inner, int ia, int ib) {

    /** The merged walk over an output of shape s, with the operands' (broadcast) strides sa and sb. */
    static Walk of(int[] s, int[] sa, int[] sb) {
        int r = 0;
        int[] size = new int[s.length];
        int[] ta = new int[s.length];
        int[] tb = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            if (s[i] == 1) {
                continue;
            }
            if (r > 0 && ta[r - 1] == sa[i] * s[i] && tb[r - 1] == sb[i] * s[i]) {
                size[r - 1] *= s[i];
                ta[r - 1] = sa[i];
                tb[r - 1] = sb[i];
            } else {
                size[r] = s[i];
                ta[r] = sa[i];
                tb[r] = sb[i];
                r++;
            }
        }
        if (r == 0) {
            return new Walk(new int[0], new int[0], new int[0], 1, 0, 0);
        }
        return new Walk(Arrays.copyOf(size, r - 1), Arrays.copyOf(ta, r - 1),
                Arrays.copyOf(tb, r - 1), size[r - 1], ta[r - 1], tb[r - 1]);
    }

    /** {offset in a, offset in b, outer multi-index...} of the start of row {@code row}. */
    int[] start(int row, int offA, int offB) {
        int[] pos = new int[2 + outer.length];
        pos[0] = offA;
        pos[1] = offB;
        int rem = row;
        for (int d = outer.length - 1; d >= 0; d--) {
            int i = rem % outer[d];
            rem /= outer[d];
            pos[2 + d] = i;
            pos[0] += i * sa[d];
            pos[1] += i * sb[d];
        }
        return pos;
    }

    /** Advances pos (from {@link #start}) to the next row. */
    void next(int[] pos) {
        for (int d = outer.length - 1; d >= 0; d--) {
            pos[2 + d]++;
            pos[0] += sa[d];
            pos[1] += sb[d];
            if (pos[2 + d] < outer[d]) {
                return;
            }
            pos[0] -= sa[d] * outer[d];
            pos[1] -= sb[d] * outer[d];
            pos[2 + d] = 0;
        }
    }
}
