package org.occam.cli.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One benchmark measurement, in the JSON-lines schema shared with bench/torch_bench.py. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Record(String impl, String workload, String dtype, Integer threads, Integer batch, Integer m, Integer k,
                     Integer n, double median_ms, Integer reps, Double gflops, Double value) {

    /** The join key: (workload, dtype, threads, batch, m, k, n). */
    public String key() {
        return workload + "|" + dtype + "|" + threads + "|" + batch + "|" + m + "|" + k + "|" + n;
    }
}
