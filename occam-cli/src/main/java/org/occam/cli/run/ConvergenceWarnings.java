package org.occam.cli.run;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a monitor's {@code *_converged = 0} value (a Lanczos or Hutchinson cap hit before the
 * tolerance; docs/curvature.md) into a visible warning: once per key and run, in the run log and on
 * the console unless quiet.
 */
final class ConvergenceWarnings {
    private final Set<String> warned = new HashSet<>();
    private final RunLog log;
    private final PrintStream console;

    ConvergenceWarnings(RunLog log, PrintStream console) {
        this.log = log;
        this.console = console;
    }

    /** Checks one metrics row. */
    void row(Map<String, Object> row) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            String k = e.getKey();
            if (k.contains("_converged") && e.getValue() instanceof Number n && n.doubleValue() == 0 && warned.add(k)) {
                String line = "warning: " + k + " = 0 at step " + row.get("step") + ": the monitor's step or probe cap"
                        + " stopped it before its tolerance (raise steps/probes or loosen tol/rel_se; docs/curvature.md);"
                        + " reported once per run";
                log.line(line);
                if (console != null) {
                    console.println(line);
                }
            }
        }
    }
}
