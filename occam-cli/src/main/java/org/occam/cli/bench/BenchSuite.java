package org.occam.cli.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.occam.data.CachedDataset;
import org.occam.data.DataCache;
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
    static final int[][] GEMM_SIZES = {{64, 64, 64}, {128, 128, 128}, {256, 256, 256}, {512, 512, 512},
        {1024, 1024, 1024}, {512, 784, 256}};

    /** PyTorch's records, or the reason there are none. */
    public record TorchResult(List<Record> records, String skipped) {
    }

    private final List<Integer> threads;
    private final List<DType> dtypes;
    private final Set<String> workloads;
    private final boolean quick;
    private final String threadsArg;
    private final String dtypesArg;

    private BenchSuite(List<Integer> threads, List<DType> dtypes, Set<String> workloads, boolean quick, String t, String d) {
        this.threads = threads;
        this.dtypes = dtypes;
        this.workloads = workloads;
        this.quick = quick;
        this.threadsArg = t;
        this.dtypesArg = d;
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
            if (w.equals("gemm") || w.equals(MNIST_EPOCH) || MLP_WORKLOADS.contains(w) || MEASURE_WORKLOADS.contains(w)) {
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
            } else {
                throw new IllegalArgumentException("--workloads: unknown workload '" + s + "'; allowed: gemm, mlp, "
                        + String.join(", ", MLP_WORKLOADS) + ", measure, " + String.join(", ", MEASURE_WORKLOADS) + ", "
                        + MNIST_EPOCH + ", all");
            }
        }
        return new BenchSuite(ts, ds, ws, quick, threads, dtypes);
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

    public TorchResult runTorch(PrintStream log) {
        log.println("running the PyTorch side: /usr/bin/python3 " + TorchRunner.script());
        Path mnistDir = DataCache.folder(DataCache.defaultRoot(), CachedDataset.MNIST);
        TorchRunner.Outcome o = TorchRunner.run(threadsArg, dtypesArg, String.join(",", workloads), quick, mnistDir);
        return new TorchResult(o.records(), o.skipped());
    }

    private static String valueAndHvps(Record r) {
        return String.format(Locale.ROOT, "%.6g", r.value()) + (r.hvp_count() == null ? "" : " (" + r.hvp_count() + " HVPs)");
    }

    static String size(Record r) {
        return r.batch() != null ? "batch=" + r.batch() : r.m() + "x" + r.k() + "x" + r.n();
    }

    /** The side-by-side table: Occam and PyTorch medians, and the ratio occam/torch. */
    public static String table(List<Record> occam, TorchResult torch) {
        Map<String, Record> byKey = new LinkedHashMap<>();
        for (Record r : torch.records()) {
            byKey.put(r.key(), r);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-17s %-7s %3s %-14s %11s %11s %9s %9s %9s%n", "workload", "dtype", "thr",
                "size (MxKxN)", "occam ms", "torch ms", "ratio", "occ GF/s", "tch GF/s"));
        for (Record r : occam) {
            Record t = byKey.get(r.key());
            sb.append(String.format(Locale.ROOT, "%-17s %-7s %3d %-14s %11.3f %11s %9s %9s %9s%n", r.workload(), r.dtype(),
                    r.threads(), size(r), r.median_ms(), t == null ? "-" : String.format(Locale.ROOT, "%.3f", t.median_ms()),
                    t == null ? "-" : String.format(Locale.ROOT, "%.2fx", r.median_ms() / t.median_ms()),
                    r.gflops() == null ? "" : String.format(Locale.ROOT, "%.1f", r.gflops()),
                    t == null || t.gflops() == null ? "" : String.format(Locale.ROOT, "%.1f", t.gflops())));
        }
        for (Record r : occam) {
            Record t = byKey.get(r.key());
            if (MEASURE_WORKLOADS.contains(r.workload()) && r.value() != null) {
                String what = r.workload().equals("gc_exact") ? "GC" : "top Hessian eigenvalue";
                sb.append(String.format(Locale.ROOT, "%s %s threads=%d: %s: occam %s, torch %s%n", r.workload(), r.dtype(),
                        r.threads(), what, valueAndHvps(r), t == null || t.value() == null ? "-" : valueAndHvps(t)));
            }
            if (r.workload().equals(MNIST_EPOCH) && r.value() != null) {
                sb.append(String.format(Locale.ROOT, "%s threads=%d: mean training loss over the epoch: occam %.4f, torch %s%n",
                        MNIST_EPOCH, r.threads(), r.value(),
                        t == null || t.value() == null ? "-" : String.format(Locale.ROOT, "%.4f", t.value())));
            }
        }
        if (torch.skipped() != null) {
            sb.append("PyTorch side skipped: ").append(torch.skipped()).append('\n');
        } else {
            sb.append("ratio = occam ms / torch ms (below 1: Occam is faster), measured in this run.\n");
        }
        return sb.toString();
    }
}
