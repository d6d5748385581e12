package org.occam.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.lab.plot.Numbers;

/**
 * Run ids: the zero-padded index and a short readable parameter string, e.g.
 * {@code 003-lr_0.2-batch_size_64-seed_1}. The index alone makes an id unique; the rest is for
 * people. Only letters, digits and {@code . _ + -} appear, so an id is a safe folder name.
 */
final class RunIds {
    private RunIds() {
    }

    private static final int MAX_LENGTH = 96;

    /** A short name per key: its last non-numeric segment, or the whole key (dots as _) where two keys would share one. */
    static Map<String, String> shortNames(List<String> keys) {
        Map<String, String> last = new LinkedHashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (String k : keys) {
            String[] segs = k.split("\\.");
            String s = k;
            for (int i = segs.length - 1; i >= 0; i--) {
                if (!segs[i].matches("\\d+")) {
                    s = segs[i];
                    break;
                }
            }
            last.put(k, s);
            uses.merge(s, 1, Integer::sum);
        }
        Map<String, String> out = new LinkedHashMap<>();
        last.forEach((k, s) -> out.put(k, uses.get(s) > 1 ? k.replace('.', '_') : s));
        return out;
    }

    static String id(int index, int width, Map<String, JsonNode> values, Map<String, String> shortNames) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%0" + width + "d", index));
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            String part = "-" + shortNames.get(e.getKey()) + "_" + value(e.getValue());
            if (b.length() + part.length() > MAX_LENGTH) {
                break;
            }
            b.append(part);
        }
        return safe(b.toString());
    }

    /** A value in a few characters: numbers to 3 significant digits, strings as they are. */
    static String value(JsonNode v) {
        Long l = v.isIntegralNumber() ? Values.integral(v) : null;
        if (l != null) {
            return Long.toString(l);
        }
        Double d = Values.number(v);
        if (d != null) {
            return Numbers.compact(d, 3);
        }
        return v.isValueNode() ? v.asText() : Values.show(v);
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
