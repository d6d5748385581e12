package org.occam.maxmargin;

import java.util.function.Consumer;

/** k-subsets of {0..n−1} for the enumeration solvers, with a size guard. */
final class Subsets {
    private Subsets() {
    }

    /** Visits each k-subset in lexicographic order (the array is reused: copy it to keep it). */
    static void forEach(int n, int k, Consumer<int[]> visit) {
        if (k < 0 || k > n) {
            return;
        }
        int[] s = new int[k];
        for (int i = 0; i < k; i++) {
            s[i] = i;
        }
        while (true) {
            visit.accept(s);
            int i = k - 1;
            while (i >= 0 && s[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return;
            }
            s[i]++;
            for (int j = i + 1; j < k; j++) {
                s[j] = s[j - 1] + 1;
            }
        }
    }

    /** C(n, k) as a double (exact below 2^53). */
    static double choose(int n, int k) {
        double c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return Math.rint(c);
    }

    /** Σ_{k=1..kMax} C(n, k). */
    static double upTo(int n, int kMax) {
        double total = 0;
        for (int k = 1; k <= kMax; k++) {
            total += choose(n, k);
        }
        return total;
    }

    /** Throws when {@code count} subsets of {@code n} constraints exceed the limit. */
    static void requireSmall(String what, int n, double count, long limit) {
        if (count > limit) {
            throw new IllegalArgumentException(what + ": exact enumeration is for small sets; " + n + " constraints need "
                    + (long) count + " subsets (limit " + limit + "): use fewer points or features");
        }
    }
}
