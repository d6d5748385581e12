package org.occam.tensor;

/** Element type of a tensor. Mixing dtypes in one op is an error that names both. */
public enum DType {
    /** IEEE single precision, 4 bytes. */
    FLOAT32("float32", 4),
    /** IEEE double precision, 8 bytes: what derivative checks and exact computations use. */
    FLOAT64("float64", 8);

    private final String label;
    private final int bytes;

    DType(String label, int bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /** {@return the PyTorch/NumPy spelling: float32 or float64} */
    public String label() {
        return label;
    }

    /** {@return the size of one element in bytes} */
    public int bytes() {
        return bytes;
    }

    /**
     * Parses "float32"/"f32"/"float" or "float64"/"f64"/"double"; anything else is an error listing them.
     *
     * @param s the spelling
     * @return the dtype
     */
    public static DType parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "float32", "f32", "float", "fp32" -> FLOAT32;
            case "float64", "f64", "double", "fp64" -> FLOAT64;
            default -> throw new IllegalArgumentException(
                    "unknown dtype '" + s + "': allowed values are float32, float64");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
