package org.occam.cli.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One benchmark measurement, in the JSON-lines schema shared with bench/torch_bench.py.
 * {@code hvp_count} is set by hessian_lanczos only (Hessian-vector products per call).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Record(String impl, String workload, String dtype, Integer threads, Integer batch, Integer m, Integer k,
                     Integer n, double median_ms, Integer reps, Double gflops, Double value, Long hvp_count) {

    /** A record without an HVP count (every workload but hessian_lanczos). */
    public Record(String impl, String workload, String dtype, Integer threads, Integer batch, Integer m, Integer k,
                  Integer n, double median_ms, Integer reps, Double gflops, Double value) {
        this(impl, workload, dtype, threads, batch, m, k, n, median_ms, reps, gflops, value, null);
    }

    /** The join key: (workload, dtype, threads, batch, m, k, n). */
    public String key() {
        return workload + "|" + dtype + "|" + threads + "|" + batch + "|" + m + "|" + k + "|" + n;
    }
}
