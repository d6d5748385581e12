package org.occam.cli.config;

/**
 * Where a data set comes from: a built-in set with a split ({@code digits}, {@code mnist:train[:1024]}),
 * a CSV file ({@code csv:PATH}), a synthetic set ({@code {name: two_moons, n: 512}}), or, for the
 * test set only, {@code auto} (the canonical test split, else a held-out fraction) or {@code none}.
 */
public sealed interface DataSource {

    /** Rows [start, end) of the loaded set; either bound may be null (open). */
    record Slice(Integer start, Integer end) {
        /** {@code [start:end]} with empty open bounds. */
        public String text() {
            return "[" + (start == null ? "" : start) + ":" + (end == null ? "" : end) + "]";
        }
    }

    /**
     * digits, mnist, fashion-mnist, cifar10, cifar100, cifar100-coarse or cifar-fs.
     *
     * @param name  the set
     * @param split train, test, (digits only) all, or (cifar-fs only) val
     * @param slice rows to keep, or null
     */
    record Builtin(String name, String split, Slice slice) implements DataSource {
        @Override
        public String text() {
            return name + ":" + split + (slice == null ? "" : slice.text());
        }
    }

    /** A CSV file (see {@link org.occam.data.CsvReader}), its path absolute. */
    record Csv(String path, Slice slice) implements DataSource {
        @Override
        public String text() {
            return "csv:" + path + (slice == null ? "" : slice.text());
        }
    }

    /** A synthetic set from {@link SyntheticDataRegistry}. */
    record Generated(ComponentConfig spec) implements DataSource {
        @Override
        public String text() {
            return spec.name() + spec.params();
        }
    }

    /** Test set: the canonical test split of a built-in set, else a held-out {@code test_fraction}. */
    record Auto() implements DataSource {
        @Override
        public String text() {
            return "auto";
        }
    }

    /** Test set: none. */
    record None() implements DataSource {
        @Override
        public String text() {
            return "none";
        }
    }

    /** The spec as written in a config (generated sets: a readable summary). */
    String text();
}
