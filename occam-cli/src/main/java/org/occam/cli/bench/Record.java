package org.occam.cli.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One benchmark measurement, in the JSON-lines schema shared with bench/torch_bench.py.
 * {@code hvp_count} is set by hessian_lanczos only (Hessian-vector products per call);
 * {@code cpu_ms} is the main thread's CPU time per call and {@code other_load} the CPUs other
 * processes used meanwhile; {@code spec} names the model of a spec-driven workload.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Record(String impl, String workload, String dtype, Integer threads, Integer batch, Integer m, Integer k,
                     Integer n, double median_ms, Integer reps, Double gflops, Double value, Long hvp_count,
                     Double cpu_ms, Double other_load, String spec) {

    /** An Occam record from a timing result. */
    static Record occam(String workload, String dtype, int threads, Integer batch, Integer m, Integer k, Integer n,
                        Timing.Result r, Double gflops, Double value, Long hvps, String spec) {
        return new Record("occam", workload, dtype, threads, batch, m, k, n, r.medianMs(), r.reps(), gflops, value, hvps,
                r.cpuMs(), r.otherLoad(), spec);
    }

    /** The join key: (workload, dtype, threads, batch, m, k, n). */
    public String key() {
        return workload + "|" + dtype + "|" + threads + "|" + batch + "|" + m + "|" + k + "|" + n;
    }
}
