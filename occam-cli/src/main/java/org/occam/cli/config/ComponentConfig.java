package org.occam.cli.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named, parameterized part of an experiment resolved through a {@link Registry}: an optimizer,
 * a learning-rate rule, a regularizer, a monitor or a synthetic data set. The parameters are
 * complete (defaults filled in) and checked against the entry's schema; values are {@link Long},
 * {@link Double}, {@link Boolean}, {@link String} or {@code List<Long>} (see {@link Param}).
 *
 * @param name   the registry name, e.g. {@code adam}
 * @param params parameter values in schema order
 */
public record ComponentConfig(String name, Map<String, Object> params) {

    public ComponentConfig {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A number parameter. */
    public double num(String key) {
        return ((Number) get(key)).doubleValue();
    }

    /** An integer parameter (checked to fit an int by its schema). */
    public int integer(String key) {
        return Math.toIntExact(((Number) get(key)).longValue());
    }

    /** An integer parameter as a long. */
    public long longValue(String key) {
        return ((Number) get(key)).longValue();
    }

    /** A boolean parameter. */
    public boolean bool(String key) {
        return (Boolean) get(key);
    }

    /** A string or choice parameter. */
    public String str(String key) {
        return (String) get(key);
    }

    /** An integer-list parameter. */
    public int[] ints(String key) {
        @SuppressWarnings("unchecked")
        List<Long> l = (List<Long>) get(key);
        return l.stream().mapToInt(Math::toIntExact).toArray();
    }

    private Object get(String key) {
        Object v = params.get(key);
        if (v == null) {
            throw new IllegalStateException(name + " has no parameter '" + key + "' (a registry entry reads a parameter"
                    + " its schema does not declare)");
        }
        return v;
    }
}
