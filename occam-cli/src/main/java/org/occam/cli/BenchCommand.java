package org.occam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.occam.cli.bench.BenchSuite;
import org.occam.cli.bench.FreshRuns;
import org.occam.cli.bench.Record;
import org.occam.cli.run.ParentWatch;
import org.occam.data.CachedDataset;
import org.occam.data.DataCache;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code occam bench}: the engine's speed, side by side with PyTorch when it is installed, in fresh processes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure GEMM, MLP, CNN and eigensolver workloads and, when Debian's python3-torch is installed,",
            "the same workloads in PyTorch: each case in fresh processes, Occam and PyTorch alternating, medians over",
            "--fresh processes per side, wall and main-thread CPU time, and the load of other processes on both sides.",
            "Compare only rows whose load is ~0: run it on an idle machine."},
        footer = {"", "Examples:", "  ./occam bench --quick", "  ./occam bench --workloads mlp --dtypes float32 --threads 2",
            "  ./occam bench --workloads cnn_step,eigh --threads 1,2 --json results.jsonl", "  ./occam bench --torch off"})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--threads", defaultValue = "1,2", description = "Thread counts, comma separated (default ${DEFAULT-VALUE}).")
    String threads;

    @Option(names = "--dtypes", defaultValue = "float32,float64", description = "float32 and/or float64 (default ${DEFAULT-VALUE}).")
    String dtypes;

    @Option(names = "--workloads", defaultValue = "gemm,mlp",
            description = "Any of gemm, mlp, mlp_sgd_step, mlp_hvp, mlp_gnp_step, mlp_jacobian_fro, measure (= hessian_lanczos,"
                    + " gc_exact), mnist_epoch (needs ./occam data fetch mnist), cnn_step (SGD step of cnn:1x28x28:16-32:10,"
                    + " batch 128), cnn_eval (accuracy over 10,000 images), eigh (dense symmetric n=1000, 2000, float64),"
                    + " all (default ${DEFAULT-VALUE}).")
    String workloads;

    @Option(names = "--quick", description = "Fewer repetitions (noisier medians) and one process per side unless --fresh is given.")
    boolean quick;

    @Option(names = "--fresh", description = "Fresh processes per side and case (default 3; 1 with --quick).")
    Integer fresh;

    @Option(names = "--torch", defaultValue = "auto", description = "auto: run bench/torch_bench.py if PyTorch is there; off: Occam only.")
    String torch;

    @Option(names = "--json", description = "Write all records (every process's, then the medians) as JSON lines to this file"
            + " (atomically); '-' prints them instead of the table.")
    String json;

    @Option(names = "--worker", hidden = true, description = "Internal: measure in this JVM and print JSON lines.")
    boolean worker;

    @Override
    public Integer call() throws IOException {
        BenchSuite suite = BenchSuite.parse(threads, dtypes, workloads, quick);
        if (!torch.equals("auto") && !torch.equals("off")) {
            throw new ParameterException(new CommandLine(this), "--torch must be auto or off, got '" + torch + "'");
        }
        int processes = fresh != null ? fresh : quick ? 1 : 3;
        if (processes < 1) {
            throw new ParameterException(new CommandLine(this), "--fresh must be at least 1, got " + processes);
        }
        PrintStream log = System.err;
        ObjectMapper m = new ObjectMapper();
        if (worker) {
            ParentWatch.installFromEnvironment(); // a fresh worker ends with the bench that started it, even on SIGKILL
            for (Record r : suite.runOccam(log)) {
                System.out.println(m.writeValueAsString(r));
            }
            return 0;
        }
        Path mnistDir = DataCache.folder(DataCache.defaultRoot(), CachedDataset.MNIST);
        FreshRuns.Outcome o = FreshRuns.run(suite.workloads(), suite.dtypeLabels(), suite.threads(), suite.quick(),
                processes, torch.equals("auto"), mnistDir, log);
        List<Record> all = new ArrayList<>(o.raw());
        for (FreshRuns.Row r : o.rows()) {
            all.add(r.occam());
            if (r.torch() != null) {
                all.add(r.torch());
            }
        }
        if ("-".equals(json)) {
            for (Record r : all) {
                System.out.println(m.writeValueAsString(r));
            }
        } else {
            System.out.print(FreshRuns.table(o));
            if (o.torchMeta() != null) {
                log.println("PyTorch side: " + o.torchMeta());
            }
            if (json != null) {
                writeJsonLines(Path.of(json), all);
                log.println("wrote " + all.size() + " records to " + json);
            }
        }
        return 0;
    }
    /** Write then rename, so a killed run never leaves a half-written file. */
    static void writeJsonLines(Path file, List<Record> records) throws IOException {
        ObjectMapper m = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        for (Record r : records) {
            sb.append(m.writeValueAsString(r)).append('\n');
        }
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
