package org.occam.lab.claim;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reproduction hands back: its claims judged over seeds, the setting that produced them,
 * whether it was a {@code --quick} run, and the report it wrote.
 *
 * @param id      the reproduction, e.g. "EOS-1"
 * @param setting the settings as name → value (numbers, strings, lists), for JSON output
 * @param seeds   the seeds run
 * @param claims  the claims judged over the seeds
 * @param quick   a tiny run for tests: its verdicts are not evidence
 * @param report  report.html
 * @param results the measurements behind the claims (e.g. per-seed scores) for JSON output; empty when not given
 */
public record Outcome(String id, Map<String, Object> setting, long[] seeds, List<ClaimResult> claims, boolean quick,
                      Path report, Map<String, Object> results) {

    /** An outcome without extra results. */
    public Outcome(String id, Map<String, Object> setting, long[] seeds, List<ClaimResult> claims, boolean quick,
                   Path report) {
        this(id, setting, seeds, claims, quick, report, Map.of());
    }

    /** The terminal table ({@link ClaimTable#lines}). */
    public List<String> lines() {
        return ClaimTable.lines(claims, quick);
    }

    /** The same fields as the table, plus the setting and per-seed values, for {@code --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reproduction", id);
        m.put("quick", quick);
        if (quick) {
            m.put("warning", ClaimTable.QUICK_WARNING);
        }
        m.put("seeds", seeds.clone());
        m.put("setting", setting);
        List<Map<String, Object>> cs = new ArrayList<>();
        for (ClaimResult r : claims) {
            cs.add(r.toMap());
        }
        m.put("claims", cs);
        if (results != null && !results.isEmpty()) {
            m.put("results", results);
        }
        m.put("report", report == null ? null : report.toAbsolutePath().toString());
        return m;
    }

    /** A settings record as name → value (arrays become lists; nested records become maps). */
    public static Map<String, Object> settingOf(Record settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : settings.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), plain(c.getAccessor().invoke(settings)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read setting " + c.getName(), e);
            }
        }
        return m;
    }

    private static Object plain(Object v) {
        if (v instanceof double[] d) {
            return Arrays.stream(d).boxed().toList();
        }
        if (v instanceof int[] d) {
            return Arrays.stream(d).boxed().toList();
        }
        if (v instanceof long[] d) {
            return Arrays.stream(d).boxed().toList();
        }
        if (v instanceof Record r) {
            return settingOf(r);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Outcome::plain).toList();
        }
        if (v instanceof Number || v instanceof String || v instanceof Boolean || v == null) {
            return v;
        }
        return v.toString();
    }
}
