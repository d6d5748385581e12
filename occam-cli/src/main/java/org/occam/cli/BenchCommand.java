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
import org.occam.cli.bench.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code occam bench}: the engine's speed, side by side with PyTorch when it is installed. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure GEMM and MLP workloads (SGD step, HVP, gradient-norm-penalty step, input-Jacobian norm)",
            "and, when Debian's python3-torch is installed, the same workloads in PyTorch, with ratios occam/torch."},
        footer = {"", "Examples:", "  ./occam bench --quick", "  ./occam bench --workloads mlp --dtypes float32 --threads 2",
            "  ./occam bench --torch off --json results.jsonl"})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--threads", defaultValue = "1,2", description = "Thread counts, comma separated (default ${DEFAULT-VALUE}).")
    String threads;

    @Option(names = "--dtypes", defaultValue = "float32,float64", description = "float32 and/or float64 (default ${DEFAULT-VALUE}).")
    String dtypes;

    @Option(names = "--workloads", defaultValue = "gemm,mlp",
            description = "Any of gemm, mlp, mlp_sgd_step, mlp_hvp, mlp_gnp_step, mlp_jacobian_fro, measure (= hessian_lanczos,"
                    + " gc_exact: 20-step Lanczos top Hessian eigenvalue and exact geometric complexity at B=1024),"
                    + " mnist_epoch (one epoch of MNIST training, needs ./occam data fetch mnist), all (default ${DEFAULT-VALUE}).")
    String workloads;

    @Option(names = "--quick", description = "Fewer repetitions (noisier medians), for a fast look.")
    boolean quick;

    @Option(names = "--torch", defaultValue = "auto", description = "auto: run bench/torch_bench.py if PyTorch is there; off: Occam only.")
    String torch;

    @Option(names = "--json", description = "Write all records as JSON lines to this file (atomically); '-' prints them instead of the table.")
    String json;

    @Override
    public Integer call() throws IOException {
        BenchSuite suite = BenchSuite.parse(threads, dtypes, workloads, quick);
        if (!torch.equals("auto") && !torch.equals("off")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--torch must be auto or off, got '" + torch + "'");
        }
        PrintStream log = System.err;
        List<Record> occam = suite.runOccam(log);
        BenchSuite.TorchResult tr = torch.equals("off") ? new BenchSuite.TorchResult(List.of(), "disabled with --torch off")
                : suite.runTorch(log);
        List<Record> all = new ArrayList<>(occam);
        all.addAll(tr.records());
        if ("-".equals(json)) {
            ObjectMapper m = new ObjectMapper();
            for (Record r : all) {
                System.out.println(m.writeValueAsString(r));
            }
        } else {
            System.out.print(BenchSuite.table(occam, tr));
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
