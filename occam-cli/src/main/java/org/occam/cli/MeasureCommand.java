package org.occam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.cli.config.DataLoader;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.data.ImageLayout;
import org.occam.io.Checkpoints;
import org.occam.measure.Eigenpairs;
import org.occam.measure.Estimate;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.GradientStats;
import org.occam.measure.HessianBlocks;
import org.occam.measure.Hessians;
import org.occam.measure.LinearOperator;
import org.occam.nn.Losses;
import org.occam.nn.Mode;
import org.occam.nn.Model;
import org.occam.nn.ModelState;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.shard.Chunk;
import org.occam.shard.ChunkRunner;
import org.occam.shard.ChunkRunners;
import org.occam.shard.LocalChunks;
import org.occam.shard.ShardProblem;
import org.occam.shard.ShardedMeasure;
import org.occam.shard.ShardedObjective;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;
import org.occam.train.StateDict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code occam measure}: the implicit-bias quantities of a model on a data set, as one JSON object or a table. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {"Measure loss, gradient statistics, Hessian spectra and geometric complexity of a model",
            "(seeded initialization, or weights from a safetensors checkpoint) on a data set.",
            "A BatchNorm network is measured in eval mode (running statistics: a fixed function of the parameters)",
            "unless --mode train asks for batch statistics (as PyHessian does); the mode is printed with the results."},
        footer = {"", "Metrics: " + MeasureCommand.METRIC_LIST, "", "Model specs: " + Models.GRAMMAR, "", "Examples:",
            "  ./occam measure --model mlp:64-32-10:tanh --data digits --metrics loss,grad_norm,sharpness,gc --dtype float64",
            "  ./occam measure --model mlp:784-512-512-10:tanh --weights W.safetensors --data mnist:train[:1024] \\",
            "      --loss cross_entropy --metrics loss,grad_norm,sharpness,top_eigenvalues:5,hessian_trace,gc --json",
            "  ./occam measure --model resnet20:1x28x28:10:width=4 --weights runs/R/checkpoints/step-000000100/model.safetensors \\",
            "      --data fashion-mnist:test[:256] --layout nchw --metrics loss,sharpness,hessian_trace,gc --mode eval",
            "  ./occam measure --model mlp:64-16-10:tanh --data digits:train[:256] --metrics top_eigenvalues:5,ggn_top_eigenvalues:5,density \\",
            "      --tol 1e-8 --blocks layers --density-out runs/density",
            "",
            "Eigenvalues stop when ‖Hv − λv‖ ≤ tol·|λ| for every requested one (or at --max-steps, with a warning);",
            "traces and the density stop at a relative standard error --rel-se (or at --probes, with a warning). docs/curvature.md",
            "",
            "  ./occam measure --model mlp:64-32-10:tanh --data digits --metrics loss,grad_norm,top_eigenvalues:5,hessian_trace,gc \\",
            "      --spark local[2] --chunk 128     (the same bits as --chunk 128 alone; docs/sharded-objective.md)"})
public final class MeasureCommand implements Callable<Integer> {
    static final String METRIC_LIST = "loss, accuracy, grad_norm, drift_ratio, sharpness, top_eigenvalues:K, "
            + "bottom_eigenvalues:K, hessian_trace, gc, gc_hutchinson, density, ggn_sharpness, ggn_top_eigenvalues:K";

    @Option(names = "--model", required = true, description = "Model spec, e.g. mlp:784-512-512-10:tanh or resnet20:3x32x32:10 (forms below).")
    String model;

    @Option(names = "--weights", description = "A safetensors checkpoint (names and shapes must match the model;"
            + " a BatchNorm model's must hold its running buffers).")
    Path weights;

    @Option(names = "--mode", defaultValue = "eval", description = "eval (running statistics, default) or train (batch statistics)"
            + " for BatchNorm/dropout models.")
    String mode;

    @Option(names = "--data", required = true, description = "digits, mnist:train[:1024], fashion-mnist:test, cifar10:test[:512], csv:PATH, two_moons, ...")
    String data;

    @Option(names = "--loss", defaultValue = "cross_entropy", description = "cross_entropy, mse, logistic, exponential.")
    String loss;

    @Option(names = "--metrics", defaultValue = "loss,grad_norm,sharpness,gc", description = "Comma-separated metrics (see below).")
    String metrics;

    @Option(names = "--dtype", description = "float32 or float64 (default: the dtype of --weights, else float64;"
            + " a checkpoint in another dtype is cast, and a note says so).")
    String dtype;

    @Option(names = "--layout", defaultValue = "flat", description = "Image layout: flat or nchw (for CNNs).")
    String layout;

    @Option(names = "--seed", defaultValue = "0", description = "Initialization and estimator seed.")
    long seed;

    @Option(names = "--tol", description = "Relative residual ‖Hv − λv‖/|λ| every requested eigenvalue must reach"
            + " (default 1e-6 in float64, 1e-4 in float32).")
    Double tol;

    @Option(names = "--max-steps", defaultValue = "300", description = "Lanczos step cap (per probe for the density;"
            + " default ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--lanczos-steps", description = "Run exactly this many Lanczos steps instead (residuals are still"
            + " checked against --tol and a warning printed when they miss it).")
    Integer lanczosSteps;

    @Option(names = "--probes", defaultValue = "30", description = "Probe cap for traces and the density; the probe"
            + " count of GC.")
    int probes;

    @Option(names = "--rel-se", defaultValue = "0.05", description = "Relative standard error at which trace and"
            + " density probing stops (default ${DEFAULT-VALUE}).")
    double relSe;

    @Option(names = "--blocks", arity = "0..1", fallbackValue = "layers", description = "Also measure the diagonal"
            + " Hessian blocks: per layer (default) or per named parameter (params).")
    String blocks;

    @Option(names = "--dense-limit", defaultValue = "200", description = "Blocks with at most this many parameters are"
            + " measured exactly from their dense matrix (default ${DEFAULT-VALUE}).")
    int denseLimit;

    @Option(names = "--sigma", description = "Gaussian broadening of the density (default: σ² = 1e-5·max(1, range),"
            + " as PyHessian).")
    Double sigma;

    @Option(names = "--density-out", defaultValue = "density", description = "Path prefix of the density files"
            + " PREFIX.json, PREFIX.png, PREFIX.svg (default ${DEFAULT-VALUE}).")
    Path densityOut;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "",
            description = {"Compute over the whole data set on Apache Spark (module occam-spark): a master such as local[2]",
                "or spark://host:7077, or nothing under spark-submit. The data is cut into fixed chunks (--chunk) cached",
                "on the executors; the results have the bits of --chunk without --spark (docs/sharded-objective.md)."})
    String spark;

    @Option(names = "--chunk", paramLabel = "N", description = {"Examples per chunk of the sharded objective (default 256"
            + " with --spark). Without --spark: the same chunked computation on this JVM, with the same bits as on Spark."})
    Integer chunk;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spark partitions for the chunks (default 0: the cluster's parallelism); results do not depend on it.")
    int partitions;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        if (weights != null && !Files.exists(weights)) {
            throw new IllegalArgumentException("--weights " + weights + ": no such file; give a .safetensors checkpoint");
        }
        DType stored = weights != null ? Checkpoints.dtypeOf(weights) : null;
        DType dt = dtype != null ? DType.parse(dtype) : stored != null ? stored : DType.FLOAT64;
        if (stored != null && stored != dt) {
            System.err.println("measure: " + weights + " holds " + stored + "; cast to " + dt + " (--dtype)");
        }
        List<String> wanted = parseMetrics(metrics);
        boolean sharded = spark != null || chunk != null;
        if (spark != null && !ChunkRunners.available("spark")) {
            return SparkProcess.run("org.occam.cli.Main", commandSpec.commandLine().getParseResult().originalArgs(), spark);
        }
        if (chunk != null && chunk < 1) {
            throw new IllegalArgumentException("--chunk: must be a positive number of examples, got " + chunk);
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions: must be 0 (the cluster's default) or positive, got " + partitions);
        }
        Mode md = Mode.parse(mode);
        MeasureCurvature curv = new MeasureCurvature(new MeasureCurvature.Settings(tol, maxSteps, lanczosSteps, relSe,
                probes, dt));
        HessianBlocks.Grouping grouping = blocks == null ? null : HessianBlocks.Grouping.parse(blocks, "--blocks");
        Sequential spec = Models.parse(model);
        DType loadAs = stored != null ? stored : dt;
        Params p = spec.init(Rng.seed(seed), loadAs);
        ModelState state = spec.initState(loadAs);
        if (weights != null) {
            try {
                if (spec.stateful()) {
                    StateDict.Loaded l = StateDict.read(weights, p, state);
                    p = l.params().map(t -> t.to(dt));
                    state = new ModelState(l.state().buffers().map(t -> t.to(dt)));
                } else {
                    p = Checkpoints.load(weights, p).map(t -> t.to(dt));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--weights " + weights + ": " + e.getMessage(), e);
            }
            Finite.requireParams("--weights " + weights, p);
            Finite.requireParams("--weights " + weights + " (buffers)", state.buffers());
        }
        Model net = spec.bind(state, md); // measurements see a function of the parameters only
        ImageLayout lay = switch (layout) {
            case "flat" -> ImageLayout.FLAT;
            case "nchw" -> ImageLayout.NCHW;
            default -> throw new IllegalArgumentException("--layout: unknown value '" + layout + "'; allowed: flat, nchw");
        };
        Dataset d = DataLoader.fromSpec(data, "--data", lay, dt, seed);
        Finite.require("--data " + data + ": the inputs", d.x());
        if (d.hasTargets()) {
            Finite.require("--data " + data + ": the targets", d.targets());
        }
        if (d.size() == 0) {
            throw new IllegalArgumentException("--data " + data + ": holds no examples");
        }
        MeasuredFit.check(model, spec.bind(state, Mode.EVAL), p, d, data, loss); // one sample: no batch statistics
        Batch b = d.all();
        Objective objective = Objective.parse(loss, net);
        Function<Params, Tensor> f = q -> objective.loss(q, b);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model);
        out.put("data", data + " (" + d.size() + " examples)");
        out.put("mode", md.label() + (spec.stateful() ? "" : " (no BatchNorm or dropout: the same in both modes)"));
        out.put("parameters", p.numel());
        out.put("dtype", dt.toString());
        if (sharded) {
            ShardProblem problem = ShardProblem.of(model, loss, dt, md, state, d.size());
            List<Chunk> chunks = Chunk.of(d, chunk == null ? 256 : chunk);
            try (ChunkRunner runner = spark == null ? new LocalChunks(problem, chunks)
                    : ChunkRunners.open("spark", spark.isBlank() ? null : spark, partitions, problem, chunks)) {
                out.put("sharded", runner.describe() + ", " + (chunk == null ? 256 : chunk) + " examples per chunk");
                measureSharded(ShardedObjective.on(runner), p, wanted, curv, out);
            }
            return report(out, curv);
        }
        long hvps = 0;
        LinearOperator h = needsHessian(wanted) ? LinearOperator.hessian(f, p) : null;
        LinearOperator ggn = null;
        Eigenpairs lanczos = null;
        for (String m : wanted) {
            String[] kv = m.split(":");
            switch (kv[0]) {
                case "loss" -> out.put("loss", f.apply(p).item());
                case "accuracy" -> out.put("accuracy", Losses.accuracy(net.apply(p, b.x()), b.y()));
                case "grad_norm" -> {
                    double g2 = GradientStats.gradNormSquared(f, p);
                    out.put("grad_norm", Math.sqrt(g2));
                    out.put("r_ig", g2 / p.numel());
                }
                case "drift_ratio" -> {
                    out.put("drift_ratio", GradientStats.driftRatio(f, p));
                    hvps += 1;
                }
                case "sharpness", "top_eigenvalues", "bottom_eigenvalues" -> {
                    try {
                        if (lanczos == null) {
                            lanczos = curv.eigen("", h, Math.max(1, requested(wanted, "top_eigenvalues")),
                                    requested(wanted, "bottom_eigenvalues"), Rng.seed(seed), out);
                        }
                    } catch (IllegalStateException | ArithmeticException e) {
                        throw new CommandFailure("--metrics " + m + ": the Hessian eigen-solver (Lanczos) failed: "
                                + e.getMessage() + "; check that the loss is finite at these weights, or change --tol or"
                                + " --max-steps", e);
                    }
                    if (kv[0].equals("sharpness")) {
                        out.put("sharpness", lanczos.top().eigenvalue(0));
                    }
                }
                case "ggn_sharpness", "ggn_top_eigenvalues" -> {
                    if (ggn == null) {
                        ggn = Hessians.gaussNewton(net, p, b.x(), MeasureCurvature.outputLoss(loss, b));
                        Eigenpairs g = curv.eigen("ggn_", ggn, Math.max(1, requested(wanted, "ggn_top_eigenvalues")), 0,
                                Rng.seed(seed + 5), out);
                        out.put("ggn_sharpness", g.top().eigenvalue(0));
                    }
                }
                case "hessian_trace" -> curv.trace("hessian_trace", h, Rng.seed(seed + 1), out);
                case "density" -> curv.density(h, sigma, densityOut, Rng.seed(seed + 3), out);
                case "gc" -> out.put("gc", GeometricComplexity.exact(net, p, b.x()).item());
                case "gc_hutchinson" -> {
                    Estimate e = GeometricComplexity.hutchinson(net, p, b.x(), probes, Rng.seed(seed + 2));
                    out.put("gc_hutchinson", e.mean());
                    out.put("gc_hutchinson_stderr", e.stderr());
                }
                default -> throw new IllegalStateException(m);
            }
        }
        if (grouping != null) {
            curv.blocks(h, grouping, Math.max(1, requested(wanted, "top_eigenvalues")), denseLimit, Rng.seed(seed + 4), out);
        }
        hvps += (h != null ? h.applications() : 0) + (ggn != null ? ggn.applications() : 0);
        out.put("hvp_count", hvps);
        return report(out, curv);
    }

    /**
     * The metrics on a sharded objective (docs/sharded-objective.md): loss, accuracy, gradient and GC
     * are reductions over the chunks; eigenvalues and traces run the same converged solvers as the
     * local path on the sharded Hessian operator.
     */
    private void measureSharded(ShardedObjective f, Params p, List<String> wanted, MeasureCurvature curv,
                                Map<String, Object> out) {
        if (blocks != null) {
            throw new UnsupportedOperationException("--blocks is not measured on a sharded objective (--spark or --chunk) yet");
        }
        LinearOperator h = null;
        Eigenpairs lanczos = null;
        for (String m : wanted) {
            String[] kv = m.split(":");
            switch (kv[0]) {
                case "loss" -> out.put("loss", f.loss(p));
                case "accuracy" -> out.put("accuracy", f.accuracy(p));
                case "grad_norm" -> {
                    double g2 = 0;
                    for (double x : f.gradient(p).gradient()) {
                        g2 += x * x;
                    }
                    out.put("grad_norm", Math.sqrt(g2));
                    out.put("r_ig", g2 / p.numel());
                }
                case "gc" -> out.put("gc", f.geometricComplexity(p));
                case "sharpness", "top_eigenvalues", "bottom_eigenvalues" -> {
                    h = h == null ? f.hessian(p) : h;
                    if (lanczos == null) {
                        lanczos = curv.eigen("", h, Math.max(1, requested(wanted, "top_eigenvalues")),
                                requested(wanted, "bottom_eigenvalues"), Rng.seed(seed), out);
                    }
                    if (kv[0].equals("sharpness")) {
                        out.put("sharpness", lanczos.top().eigenvalue(0));
                    }
                }
                case "hessian_trace" -> {
                    h = h == null ? f.hessian(p) : h;
                    curv.trace("hessian_trace", h, Rng.seed(seed + 1), out);
                }
                default -> throw new UnsupportedOperationException("--metrics " + m + " is not measured on a sharded"
                        + " objective (--spark or --chunk) yet; supported there: " + String.join(", ", ShardedMeasure.METRICS));
            }
        }
        out.put("hvp_count", h == null ? 0L : h.applications());
    }

    /** Prints the results (JSON or a table) and the solvers' warnings; the exit code. */
    private int report(Map<String, Object> out, MeasureCurvature curv) throws Exception {
        if (!curv.warnings().isEmpty()) {
            out.put("warnings", curv.warnings());
        }
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(out));
        } else {
            out.forEach((k, v) -> MeasureCurvature.print(k, v, System.out));
        }
        curv.warnings().forEach(w -> System.err.println("occam: warning: " + w));
        return 0;
    }

    /** Whether a requested metric works on the loss Hessian. */
    private boolean needsHessian(List<String> wanted) {
        return blocks != null || wanted.stream().map(w -> w.split(":")[0]).anyMatch(w -> List.of("sharpness",
                "top_eigenvalues", "bottom_eigenvalues", "hessian_trace", "density").contains(w));
    }

    /** The largest K asked for as NAME:K (1 for a bare NAME), 0 when NAME is not requested. */
    private static int requested(List<String> wanted, String name) {
        int k = 0;
        for (String w : wanted) {
            String[] kv = w.split(":");
            if (kv[0].equals(name)) {
                k = Math.max(k, kv.length > 1 ? Integer.parseInt(kv[1]) : 1);
            }
        }
        return k;
    }

    /** Validates the metric list; an unknown one gets the list of valid ones. */
    static List<String> parseMetrics(String s) {
        List<String> out = new ArrayList<>();
        for (String raw : s.split(",")) {
            String m = raw.trim().toLowerCase(Locale.ROOT);
            String[] kv = m.split(":");
            boolean known = switch (kv[0]) {
                case "loss", "accuracy", "grad_norm", "drift_ratio", "sharpness", "hessian_trace", "gc", "gc_hutchinson",
                     "density", "ggn_sharpness" -> kv.length == 1;
                case "top_eigenvalues", "bottom_eigenvalues", "ggn_top_eigenvalues" ->
                        kv.length <= 2 && (kv.length == 1 || kv[1].matches("[1-9][0-9]*"));
                default -> false;
            };
            if (!known) {
                throw new IllegalArgumentException("--metrics: unknown or malformed metric '" + raw.trim() + "'; valid: "
                        + METRIC_LIST);
            }
            out.add(m);
        }
        return out;
    }
}
