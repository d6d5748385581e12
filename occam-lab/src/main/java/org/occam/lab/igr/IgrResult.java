package org.occam.lab.igr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.lab.claim.ClaimResult;

/**
 * Everything the check produced.
 *
 * @param setting            what was run
 * @param trainSize          training images used
 * @param testSize           test images (accuracy resolution 1/testSize)
 * @param parameters         m, the number of model parameters (R_IG = ‖∇E‖²/m)
 * @param runs               one per (arm, seed), in arm order then seed order
 * @param claims             the claims below the edge of stability
 * @param fullBatchGc        context, not claims: GC against h and μ in full batch (not the GC paper's setting)
 * @param edgeOfStability    the edge-of-stability comparison (empty without EoS rates)
 */
public record IgrResult(IgrSetting setting, int trainSize, int testSize, int parameters, List<IgrRun> runs,
                        List<ClaimResult> claims, List<ClaimResult> fullBatchGc, List<ClaimResult> edgeOfStability) {

    /** Copies the lists, so a result cannot change after it is made. */
    public IgrResult {
        runs = List.copyOf(runs);
        claims = List.copyOf(claims);
        fullBatchGc = List.copyOf(fullBatchGc);
        edgeOfStability = List.copyOf(edgeOfStability);
    }

    /**
     * Runs below the edge of stability whose h·λ_max exceeded the setting's limit.
     *
     * @return the flagged runs
     */
    public List<IgrRun> flagged() {
        return runs.stream().filter(r -> r.arm().regime() == Arm.Regime.BELOW_EOS
                && r.exceeds(setting.hLambdaLimit())).toList();
    }

    /**
     * The runs of one arm, in seed order.
     *
     * @param arm the learning rate and regularization of a run
     * @return its runs
     */
    public List<IgrRun> runs(Arm arm) {
        return runs.stream().filter(r -> r.arm().equals(arm)).toList();
    }

    /**
     * The result as an ordered map for JSON: setting, claims (same fields as the table), full-batch GC
     * context, EoS claims, runs.
     *
     * @return the fields by name
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reproduction", "igr-lr-sweep");
        m.put("checks", List.of("IGR-2", "GC-2"));
        m.put("quick", setting.quick());
        m.put("evidence", !setting.quick());
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("data", "mnist-embedded:train[:" + trainSize + "], test " + testSize + " images");
        st.put("model", setting.model());
        st.put("parameters", parameters);
        st.put("hs", setting.hs());
        st.put("mus_at_smallest_h", setting.mus());
        st.put("sgd_hs", setting.sgdHs());
        st.put("sgd_batch", setting.sgdBatch());
        st.put("edge_of_stability_hs", setting.eosHs());
        st.put("loss_target", setting.lossTarget());
        st.put("seeds", setting.seedList());
        st.put("h_lambda_limit", setting.hLambdaLimit());
        st.put("dtype", setting.dtype().name().toLowerCase(Locale.ROOT));
        m.put("setting", st);
        m.put("claims", claims.stream().map(ClaimResult::toMap).toList());
        m.put("full_batch_gc_context", fullBatchGc.stream().map(ClaimResult::toMap).toList());
        m.put("edge_of_stability_claims", edgeOfStability.stream().map(ClaimResult::toMap).toList());
        m.put("flagged_runs", flagged().stream().map(r -> r.arm().label() + " seed " + r.seed()).toList());
        m.put("runs", runs.stream().map(IgrResult::runMap).toList());
        return m;
    }

    private static Map<String, Object> runMap(IgrRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arm", r.arm().label());
        m.put("regime", r.arm().regime().name().toLowerCase(Locale.ROOT));
        m.put("h", r.arm().h());
        m.put("mu", r.arm().mu());
        m.put("batch", r.arm().batch() == 0 ? "full" : r.arm().batch());
        m.put("seed", r.seed());
        m.put("steps", r.steps());
        m.put("reached_target", r.reachedTarget());
        m.put("diverged", r.diverged());
        m.put("train_loss", finite(r.trainLoss()));
        m.put("r_ig", finite(r.rIg()));
        m.put("lambda_max", finite(r.lambdaMax()));
        m.put("gc", finite(r.gc()));
        m.put("test_accuracy", finite(r.testAccuracy()));
        m.put("max_h_lambda", finite(r.maxHLambda()));
        m.put("crossing", finite(r.crossing()));
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
