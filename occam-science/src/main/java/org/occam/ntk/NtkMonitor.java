package org.occam.ntk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.measure.TrainingSubset;
import org.occam.train.Monitor;

/**
 * A training-loop monitor of the empirical NTK on a fixed subset (docs/ntk.md): ntk_distance =
 * ‖Θ_t − Θ_ref‖_F/‖Θ_ref‖_F of the full block kernel, ntk_trace = tr Θ_t, ntk_top_1..k = the top
 * eigenvalues of the trace kernel, and ntk_reference_step. The reference is Θ at the given initial
 * parameters, or else at the first step this monitor measures (step 0 of a fresh run; a resumed run
 * starts a new reference at the resume step, which ntk_reference_step shows).
 */
public final class NtkMonitor implements Monitor {
    /** The largest kernel (rows = examples × outputs) the monitor builds: 4096² doubles = 128 MiB. */
    public static final int MAX_ROWS = 4096;
    private final int every;
    private final TrainingSubset subset;
    private final int top;
    private final Params initial;
    private double[][] reference;
    private long referenceStep;

    /**
     * A monitor of the kernel on the first {@code examples} training rows.
     *
     * @param every    period in steps
     * @param examples subset size n (the kernel is nk × nk for k outputs)
     * @param top      how many eigenvalues of the trace kernel to report
     * @param initial  the parameters of Θ_ref, or null for the first measured step
     */
    public NtkMonitor(int every, int examples, int top, Params initial) {
        if (every <= 0 || examples <= 0 || top < 0) {
            throw new IllegalArgumentException("ntk monitor: every and samples must be positive and top >= 0, got every="
                    + every + ", samples=" + examples + ", top=" + top);
        }
        this.every = every;
        this.subset = new TrainingSubset(examples, 2);
        this.top = top;
        this.initial = initial;
    }

    @Override
    public int every() {
        return every;
    }

    @Override
    public synchronized Map<String, Double> measure(Context ctx) {
        Batch b = subset.batch(ctx.train());
        long rows = (long) ctx.model().apply(ctx.params(), b.x().slice(0, 0, 1)).numel() * b.x().size(0);
        if (rows > MAX_ROWS) {
            throw new IllegalArgumentException("ntk monitor: " + b.x().size(0) + " examples × outputs = " + rows
                    + " kernel rows, more than " + MAX_ROWS + "; lower its samples");
        }
        double[][] k = EmpiricalNtk.kernel(ctx.model(), ctx.params(), b.x());
        if (reference == null) {
            reference = initial == null ? k : EmpiricalNtk.kernel(ctx.model(), initial, b.x());
            referenceStep = initial == null ? ctx.step() : 0;
        }
        int outputs = k.length / b.x().size(0);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ntk_distance", EmpiricalNtk.relativeDistance(k, reference));
        m.put("ntk_trace", EmpiricalNtk.trace(k));
        double[] ev = EmpiricalNtk.topEigenvalues(EmpiricalNtk.traceKernel(k, outputs), top);
        for (int i = 0; i < ev.length; i++) {
            m.put("ntk_top_" + (i + 1), ev[i]);
        }
        m.put("ntk_reference_step", (double) referenceStep);
        return m;
    }
}
