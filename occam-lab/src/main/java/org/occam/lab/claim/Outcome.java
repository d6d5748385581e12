package org.occam.lab.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reproduction hands back: its claims judged over seeds, the setting that produced them,
 * whether it was a {@code --quick} run, and the report it wrote; a reproduction with more to say
 * adds fields for JSON (e.g. one row per run) and lines printed after the claim table.
 *
 * @param id      the reproduction, e.g. "EOS-1"
 * @param setting the settings as name → value (numbers, strings, lists), for JSON output
 * @param seeds   the seeds run
 * @param claims  the claims judged over the seeds
 * @param quick   a tiny run for tests: its verdicts are not evidence
 * @param report  report.html
 * @param extra   further JSON fields after the claims, in order (e.g. "runs": one map per run)
 * @param notes   lines printed after the claim table (e.g. a stability check, the wall time)
 */
public record Outcome(String id, Map<String, Object> setting, long[] seeds, List<ClaimResult> claims, boolean quick,
                      Path report, Map<String, Object> extra, List<String> notes) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Copies the extras and notes. */
    public Outcome {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        notes = List.copyOf(notes);
    }

    /**
     * An outcome with nothing beyond the claims.
     *
     * @param id the reproduction's id
     * @param setting its setting
     * @param seeds the seeds run
     * @param claims the judged claims
     * @param quick whether it was a quick run
     * @param report the report.html written, or null
     */
    public Outcome(String id, Map<String, Object> setting, long[] seeds, List<ClaimResult> claims, boolean quick,
                   Path report) {
        this(id, setting, seeds, claims, quick, report, Map.of(), List.of());
    }

    /**
     * The terminal table ({@link ClaimTable#lines}), then the notes after a blank line.
     *
     * @return the lines
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>(ClaimTable.lines(claims, quick));
        if (!notes.isEmpty()) {
            out.add("");
            out.addAll(notes);
        }
        return out;
    }

    /**
     * {@link #toMap()} as indented JSON: what {@code --json} prints.
     *
     * @return the JSON text
     */
    public String json() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + id + " as JSON", e);
        }
    }

    /**
     * The same fields as the table, plus the setting, per-seed values and the extra fields, for {@code --json}.
     *
     * @return the fields by name
     */
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
        m.putAll(extra);
        m.put("report", report == null ? null : report.toAbsolutePath().toString());
        return m;
    }

    /**
     * A settings record as name → value (arrays become lists; nested records become maps).
     *
     * @param settings the record
     * @return its components by name
     */
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
