package org.occam.cli.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.flow.SideBySide;
import org.occam.flow.Trajectory;
import org.occam.lab.report.Rates;

/**
 * What {@code occam flow} prints: a table (one row per path: final point, final loss, largest
 * distance to the iterates and where, integrator effort) or JSON lines. The JSON form is one
 * object per line: first {@code "kind": "point"} records, one per path per recorded time
 * ({@code flow, step, t, theta, loss, distance}), then one {@code "kind": "summary"} record with
 * the setup and one entry per path ({@code flow, final, final_loss, max_distance,
 * max_distance_step, accepted, rejected, evaluations, stop_reason}). Non-finite numbers are
 * written as null.
 */
public final class FlowReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param expression the loss text
     * @param names      the variable names, in parameter order
     * @param beta       momentum (0 for GD)
     * @param sharpness  λ_max of the Hessian at the start
     * @param result     the comparison
     */
    public record Setup(String expression, List<String> names, double beta, double sharpness, SideBySide result) {
    }

    private FlowReport() {
    }

    /** All paths, iterates first. */
    static List<Trajectory> paths(SideBySide s) {
        List<Trajectory> all = new ArrayList<>();
        all.add(s.reference());
        all.addAll(s.flows());
        return all;
    }

    /** The table. */
    public static void table(Setup setup, PrintStream out) {
        SideBySide s = setup.result();
        Trajectory ref = s.reference();
        out.printf(Locale.ROOT, "loss    %s%n", setup.expression());
        out.printf(Locale.ROOT, "start   %s   E = %s%n", point(setup.names(), ref.theta()[0]), num(ref.loss()[0]));
        out.printf(Locale.ROOT, "rate    %s%s, %d steps (t = %s); λ_max at start %s, hλ_max = %s%n", Rates.h(s.h()),
                setup.beta() > 0 ? ", heavy ball β = " + num(setup.beta()) : "", s.steps(), num(s.h() * s.steps()),
                num(setup.sharpness()), num(s.h() * setup.sharpness()));
        out.println();
        String head = String.format(Locale.ROOT, "%-7s %-13s %-13s %-8s %-22s %s", "flow", "final loss",
                "max dist", "at step", "integrator", "final point");
        out.println(head);
        for (Trajectory t : paths(s)) {
            boolean isRef = t == ref;
            String integ = isRef ? "-" : t.accepted() + " steps, " + t.rejected() + " rej";
            out.printf(Locale.ROOT, "%-7s %-13s %-13s %-8s %-22s %s%n", t.name(), num(t.loss()[t.size() - 1]),
                    isRef ? "0" : num(t.maxDistance()), isRef ? "-" : Integer.toString(t.argMaxDistance()), integ,
                    point(setup.names(), t.last()));
            if (t.stopReason() != null) {
                out.printf(Locale.ROOT, "        (stopped: %s)%n", t.stopReason());
            }
        }
        out.println();
        out.println("max dist = max over k of ‖θ_flow(kh) − θ_k‖, the distance to the k-th " + (setup.beta() > 0
                ? "heavy-ball" : "GD") + " iterate at the same time.");
    }

    /** The JSON lines. */
    public static void json(Setup setup, PrintStream out) {
        SideBySide s = setup.result();
        for (Trajectory t : paths(s)) {
            for (int k = 0; k < t.size(); k++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", "point");
                m.put("flow", t.name());
                m.put("step", k);
                m.put("t", finite(t.times()[k]));
                m.put("theta", named(setup.names(), t.theta()[k]));
                m.put("loss", finite(t.loss()[k]));
                m.put("distance", finite(t.distance()[k]));
                out.println(write(m));
            }
        }
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("kind", "summary");
        sum.put("loss", setup.expression());
        sum.put("variables", setup.names());
        sum.put("init", named(setup.names(), s.reference().theta()[0]));
        sum.put("lr", s.h());
        sum.put("steps", s.steps());
        sum.put("beta", setup.beta());
        sum.put("iterates", s.reference().name());
        sum.put("sharpness_at_start", finite(setup.sharpness()));
        List<Object> flows = new ArrayList<>();
        for (Trajectory t : paths(s)) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("flow", t.name());
            f.put("final", named(setup.names(), t.last()));
            f.put("final_loss", finite(t.loss()[t.size() - 1]));
            f.put("max_distance", finite(t.maxDistance()));
            f.put("max_distance_step", t.argMaxDistance());
            f.put("accepted", t.accepted());
            f.put("rejected", t.rejected());
            f.put("evaluations", t.evaluations());
            f.put("stop_reason", t.stopReason());
            flows.add(f);
        }
        sum.put("flows", flows);
        out.println(write(sum));
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> named(List<String> names, double[] v) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), finite(v[i]));
        }
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String point(List<String> names, double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(num(v[i]));
        }
        return sb.toString();
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.4e", v);
    }
}
