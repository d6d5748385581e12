package org.occam.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.occam.data.DataException;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.Split;
import org.occam.tensor.DType;
import org.occam.tensor.kernel.Parallel;

/** A parsed benchmark selection: which workloads, dtypes and thread counts to measure. */
public final class BenchSuite {
    static final List<String> MLP_WORKLOADS = List.of("mlp_sgd_step", "mlp_hvp", "mlp_gnp_step", "mlp_jacobian_fro");
    /** The {@code measure} group: the library's measurement routines (METHODS §0.1, §7.2) on the same MLP and data. */
    static final List<String> MEASURE_WORKLOADS = List.of("hessian_lanczos", "gc_exact");
    /** One epoch of MNIST training; float32 only, and only when asked for (it takes seconds per epoch). */
    static final String MNIST_EPOCH = "mnist_epoch";
    /** Dense symmetric eigendecompositions (float64 only), n = 1000 and 2000. */
    static final String EIGH = "eigh";
    static final int[][] GEMM_SIZES = {{64, 64, 64}, {128, 128, 128}, {256, 256, 256}, {512, 512, 512},
        {1024, 1024, 1024}, {512, 784, 256}};

    private final List<Integer> threads;
    private final List<DType> dtypes;
    private final Set<String> workloads;
    private final boolean quick;

    private BenchSuite(List<Integer> threads, List<DType> dtypes, Set<String> workloads, boolean quick) {
        this.threads = threads;
        this.dtypes = dtypes;
        this.workloads = workloads;
        this.quick = quick;
    }

    /** The selected workloads, in order. */
    public List<String> workloads() {
        return List.copyOf(workloads);
    }

    /** The selected dtypes' labels. */
    public List<String> dtypeLabels() {
        return dtypes.stream().map(DType::label).toList();
    }

    /** The selected thread counts. */
    public List<Integer> threads() {
        return List.copyOf(threads);
    }

    /** Whether --quick was given. */
    public boolean quick() {
        return quick;
    }

    /** Validates the option values; errors name the option and the allowed values. */
    public static BenchSuite parse(String threads, String dtypes, String workloads, boolean quick) {
        List<Integer> ts = new ArrayList<>();
        for (String s : threads.split(",")) {
            try {
                int t = Integer.parseInt(s.trim());
                if (t < 1) {
                    throw new NumberFormatException();
                }
                ts.add(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--threads: '" + s + "' is not a positive integer (e.g. --threads 1,2)");
            }
        }
        List<DType> ds = new ArrayList<>();
        for (String s : dtypes.split(",")) {
            ds.add(DType.parse(s));
        }
        Set<String> ws = new LinkedHashSet<>();
        for (String s : workloads.split(",")) {
            String w = s.trim().toLowerCase(Locale.ROOT);
            if (w.equals("gemm") || w.equals(MNIST_EPOCH) || w.equals(EIGH) || MLP_WORKLOADS.contains(w)
                    || MEASURE_WORKLOADS.contains(w) || SpecWorkloads.CASES.containsKey(w)) {
                ws.add(w);
            } else if (w.equals("mlp")) {
                ws.addAll(MLP_WORKLOADS);
            } else if (w.equals("measure")) {
                ws.addAll(MEASURE_WORKLOADS);
            } else if (w.equals("all")) {
                ws.add("gemm");
                ws.addAll(MLP_WORKLOADS);
                ws.addAll(MEASURE_WORKLOADS);
                ws.add(MNIST_EPOCH);
                ws.addAll(SpecWorkloads.CASES.keySet());
                ws.add(EIGH);
            } else {
                throw new IllegalArgumentException("--workloads: unknown workload '" + s + "'; allowed: gemm, mlp, "
                        + String.join(", ", MLP_WORKLOADS) + ", measure, " + String.join(", ", MEASURE_WORKLOADS) + ", "
                        + MNIST_EPOCH + ", " + String.join(", ", SpecWorkloads.CASES.keySet()) + ", " + EIGH + ", all");
            }
        }
        return new BenchSuite(ts, ds, ws, quick);
    }

    private Timing.Budget budget() {
        return quick ? Timing.Budget.QUICK : Timing.Budget.FULL;
    }

    /** Runs every selected Occam workload, logging progress. */
    public List<Record> runOccam(PrintStream log) {
        List<Record> out = new ArrayList<>();
        Dataset mnist = workloads.contains(MNIST_EPOCH) ? mnistTrain(log) : null;
        int old = Parallel.threads();
        try {
            for (DType dt : dtypes) {
                for (int t : threads) {
                    Parallel.setThreads(t);
                    if (workloads.contains("gemm")) {
                        for (int[] s : GEMM_SIZES) {
                            out.add(logged(log, Workloads.gemm(dt, t, s[0], s[1], s[2], budget())));
                        }
                    }
                    for (String w : MLP_WORKLOADS) {
                        if (workloads.contains(w)) {
                            for (int b : batches(w)) {
                                out.add(logged(log, Workloads.mlp(w, dt, t, b, budget())));
                            }
                        }
                    }
                    for (String w : MEASURE_WORKLOADS) {
                        if (workloads.contains(w)) {
                            out.add(logged(log, Workloads.measure(w, dt, t, 1024, budget())));
                        }
                    }
                    for (String w : SpecWorkloads.CASES.keySet()) {
                        if (workloads.contains(w)) {
                            out.add(logged(log, SpecWorkloads.run(w, dt, t, budget())));
                        }
                    }
                    if (workloads.contains(EIGH) && dt == DType.FLOAT64) {
                        for (int n : SpecWorkloads.EIGH_SIZES) {
                            out.add(logged(log, SpecWorkloads.eigh(n, t, budget())));
                        }
                    }
                    if (mnist != null && dt == DType.FLOAT32) {
                        out.add(logged(log, Workloads.mnistEpoch(mnist, t, quick)));
                    }
                }
            }
        } finally {
            Parallel.setThreads(old);
        }
        return out;
    }

    /** The MNIST training set from the data cache, or null (logged) when it is not installed or float32 is not selected. */
    private Dataset mnistTrain(PrintStream log) {
        if (!dtypes.contains(DType.FLOAT32)) {
            log.println(MNIST_EPOCH + " skipped: it runs in float32 only (add float32 to --dtypes)");
            return null;
        }
        try {
            return Datasets.mnist(Split.TRAIN);
        } catch (DataException e) {
            log.println(MNIST_EPOCH + " skipped: " + e.getMessage());
            return null;
        }
    }

    static int[] batches(String workload) {
        return switch (workload) {
            case "mlp_sgd_step" -> new int[] {128, 1024};
            case "mlp_jacobian_fro" -> new int[] {256};
            default -> new int[] {1024};
        };
    }

    private static Record logged(PrintStream log, Record r) {
        log.printf(Locale.ROOT, "occam %-17s %-7s threads=%d %s %9.3f ms%n", r.workload(), r.dtype(), r.threads(),
                size(r), r.median_ms());
        return r;
    }

    static String size(Record r) {
        return r.batch() != null ? "batch=" + r.batch() : r.m() + "x" + r.k() + "x" + r.n();
    }
}
