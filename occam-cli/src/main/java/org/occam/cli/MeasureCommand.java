package org.occam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.occam.measure.Estimate;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.GradientStats;
import org.occam.measure.Hessians;
import org.occam.measure.Lanczos;
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
            "  ./occam measure --model mlp:64-32-10:tanh --data digits --metrics loss,grad_norm,top_eigenvalues:5,hessian_trace,gc \\",
            "      --spark local[2] --chunk 128     (the same bits as --chunk 128 alone)"})
public final class MeasureCommand implements Callable<Integer> {
    static final String METRIC_LIST = "loss, accuracy, grad_norm, drift_ratio, sharpness, top_eigenvalues:K, "
            + "bottom_eigenvalues:K, hessian_trace, gc, gc_hutchinson";

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

    @Option(names = "--dtype", defaultValue = "float64", description = "float32 or float64 (default ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--layout", defaultValue = "flat", description = "Image layout: flat or nchw (for CNNs).")
    String layout;

    @Option(names = "--seed", defaultValue = "0", description = "Initialization and estimator seed.")
    long seed;

    @Option(names = "--lanczos-steps", defaultValue = "20", description = "Lanczos steps (HVPs) for eigenvalues.")
    int lanczosSteps;

    @Option(names = "--probes", defaultValue = "30", description = "Hutchinson probes for traces and GC.")
    int probes;

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
        DType dt = DType.parse(dtype);
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
        Sequential spec = Models.parse(model);
        Params p = spec.init(Rng.seed(seed), dt);
        ModelState state = spec.initState(dt);
        if (weights != null && spec.stateful()) {
            StateDict.Loaded l = StateDict.read(weights, p, state);
            p = l.params().map(t -> t.to(dt));
            state = new ModelState(l.state().buffers().map(t -> t.to(dt)));
        } else if (weights != null) {
            p = Checkpoints.load(weights, p).map(t -> t.to(dt));
        }
        Model net = spec.bind(state, md); // measurements see a function of the parameters only
        ImageLayout lay = switch (layout) {
            case "flat" -> ImageLayout.FLAT;
            case "nchw" -> ImageLayout.NCHW;
            default -> throw new IllegalArgumentException("--layout: unknown value '" + layout + "'; allowed: flat, nchw");
        };
        Dataset d = DataLoader.fromSpec(data, "--data", lay, dt, seed);
        Batch b = d.all();
        Objective objective = Objective.parse(loss, net);
        Function<Params, Tensor> f = q -> objective.loss(q, b);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model);
        out.put("data", data + " (" + d.size() + " examples)");
        out.put("mode", md.label() + (spec.stateful() ? "" : " (no BatchNorm or dropout: the same in both modes)"));
        out.put("parameters", p.numel());
        if (sharded) {
            ShardProblem problem = ShardProblem.of(model, loss, dt, md, state, d.size());
            List<Chunk> chunks = Chunk.of(d, chunk == null ? 256 : chunk);
            try (ChunkRunner runner = spark == null ? new LocalChunks(problem, chunks)
                    : ChunkRunners.open("spark", spark.isBlank() ? null : spark, partitions, problem, chunks)) {
                out.put("sharded", runner.describe() + ", " + (chunk == null ? 256 : chunk) + " examples per chunk");
                out.putAll(ShardedMeasure.measure(ShardedObjective.on(runner), p, wanted, lanczosSteps, probes, seed));
            }
            print(out);
            return 0;
        }
        long hvps = 0;
        Lanczos.Run lanczos = null;
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
                    if (lanczos == null) {
                        lanczos = Hessians.lanczosRun(f, p, lanczosSteps, Rng.seed(seed));
                        hvps += lanczos.hvpCount();
                    }
                    int k = kv.length > 1 ? Integer.parseInt(kv[1]) : 1;
                    switch (kv[0]) {
                        case "sharpness" -> out.put("sharpness", lanczos.top(1).eigenvalues()[0]);
                        case "top_eigenvalues" -> out.put("top_eigenvalues", lanczos.top(k).eigenvalues());
                        default -> out.put("bottom_eigenvalues", lanczos.bottom(k).eigenvalues());
                    }
                }
                case "hessian_trace" -> {
                    Estimate e = Hessians.hutchinsonTrace(f, p, probes, Rng.seed(seed + 1));
                    out.put("hessian_trace", e.mean());
                    out.put("hessian_trace_stderr", e.stderr());
                    hvps += e.cost();
                }
                case "gc" -> out.put("gc", GeometricComplexity.exact(net, p, b.x()).item());
                case "gc_hutchinson" -> {
                    Estimate e = GeometricComplexity.hutchinson(net, p, b.x(), probes, Rng.seed(seed + 2));
                    out.put("gc_hutchinson", e.mean());
                    out.put("gc_hutchinson_stderr", e.stderr());
                }
                default -> throw new IllegalStateException(m);
            }
        }
        out.put("hvp_count", hvps);
        print(out);
        return 0;
    }

    private void print(Map<String, Object> out) throws Exception {
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(out));
        } else {
            out.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-22s %s%n", k,
                    v instanceof double[] a ? java.util.Arrays.toString(a) : v));
        }
    }

    /** Validates the metric list; an unknown one gets the list of valid ones. */
    static List<String> parseMetrics(String s) {
        List<String> out = new ArrayList<>();
        for (String raw : s.split(",")) {
            String m = raw.trim().toLowerCase(Locale.ROOT);
            String[] kv = m.split(":");
            boolean known = switch (kv[0]) {
                case "loss", "accuracy", "grad_norm", "drift_ratio", "sharpness", "hessian_trace", "gc", "gc_hutchinson" ->
                        kv.length == 1;
                case "top_eigenvalues", "bottom_eigenvalues" -> kv.length <= 2 && (kv.length == 1 || kv[1].matches("[1-9][0-9]*"));
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
