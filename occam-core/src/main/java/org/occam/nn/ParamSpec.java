package org.occam.nn;

/**
 * A parameter's local name, shape and initializer, plus fan-in and fan-out for the initializer.
 */
public record ParamSpec(String name, int[] shape, Init init, int fanIn, int fanOut) {

    /** The same parameter under {@code prefix + name}. */
    public ParamSpec prefixed(String prefix) {
        return new ParamSpec(prefix + name, shape, init, fanIn, fanOut);
    }
}
