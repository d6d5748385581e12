package org.occam.nn;

/**
 * A parameter's local name, shape and initializer, plus fan-in and fan-out for the initializer.
 *
 * @param name the parameter's name inside its layer, e.g. {@code weight}
 * @param shape its shape
 * @param init how it is initialized
 * @param fanIn inputs per output unit, for the initializer
 * @param fanOut outputs per input unit, for the initializer
 */
public record ParamSpec(String name, int[] shape, Init init, int fanIn, int fanOut) {

    /**
     * The same parameter under {@code prefix + name}.
     *
     * @param prefix the path of the owning layer, ending in a dot
     * @return the renamed spec
     */
    public ParamSpec prefixed(String prefix) {
        return new ParamSpec(prefix + name, shape, init, fanIn, fanOut);
    }
}
