package org.occam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.occam.autodiff.Params;
import org.occam.cli.config.DataLoader;
import org.occam.cli.config.Metric;
import org.occam.cli.config.MetricRegistry;
import org.occam.cli.config.MonitorRegistry;
import org.occam.cli.measure.LocalObjective;
import org.occam.cli.measure.MeasureCurvature;
import org.occam.cli.measure.MeasureRun;
import org.occam.cli.measure.ShardedView;
import org.occam.cli.measure.SolverFailure;
import org.occam.cli.run.SparkProcess;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.data.ImageLayout;
import org.occam.io.Checkpoints;
import org.occam.measure.HessianBlocks;
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
import org.occam.shard.ShardedObjective;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Objective;
import org.occam.train.StateDict;
import picocli.CommandLine;
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
        footer = {"", MeasureCommand.METRICS_LINE + "(the measured metrics of the registry)", "", "Model specs: " + Models.GRAMMAR, "", "Examples:",
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
    /** The help footer's line listing the metrics; {@link #listMetrics} fills it in from the registry. */
    static final String METRICS_LINE = "Metrics: ";

    /** The metrics --metrics resolves (tests give their own). */
    MetricRegistry registry = MonitorRegistry.METRICS;

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
        List<Requested> wanted = parseMetrics(metrics, registry);
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model);
        out.put("data", data + " (" + d.size() + " examples)");
        out.put("mode", md.label() + (spec.stateful() ? "" : " (no BatchNorm or dropout: the same in both modes)"));
        out.put("parameters", p.numel());
        out.put("dtype", dt.toString());
        MeasureRun.Options options = new MeasureRun.Options(seed, probes, sigma, densityOut);
        if (sharded) {
            refuseUnsharded(wanted);
            ShardProblem problem = ShardProblem.of(model, loss, dt, md, state, d.size());
            List<Chunk> chunks = Chunk.of(d, chunk == null ? 256 : chunk);
            try (ChunkRunner runner = spark == null ? new LocalChunks(problem, chunks)
                    : ChunkRunners.open("spark", spark.isBlank() ? null : spark, partitions, problem, chunks)) {
                out.put("sharded", runner.describe() + ", " + (chunk == null ? 256 : chunk) + " examples per chunk");
                MeasureRun run = new MeasureRun(new ShardedView(ShardedObjective.on(runner), p), curv, options,
                        counts(wanted), out);
                measure(run, wanted);
                out.put("hvp_count", run.hvpCount());
            }
            return report(out, curv);
        }
        MeasureRun run = new MeasureRun(new LocalObjective(net, Objective.parse(loss, net), p, b, loss), curv, options,
                counts(wanted), out);
        measure(run, wanted);
        if (grouping != null) {
            curv.blocks(run.hessian(), grouping, Math.max(1, run.count("top_eigenvalues")), denseLimit, Rng.seed(seed + 4), out);
        }
        out.put("hvp_count", run.hvpCount());
        return report(out, curv);
    }

    /** Runs the requested metrics in order; a solver failure names the metric. */
    private static void measure(MeasureRun run, List<Requested> wanted) throws IOException {
        for (Requested r : wanted) {
            try {
                r.metric().measurement().body().measure(run, r.count());
            } catch (SolverFailure e) {
                throw new CommandFailure("--metrics " + r.text() + ": " + e.getMessage(), e.getCause());
            }
        }
    }

    /**
     * Refuses, before any work, what a sharded objective does not measure (docs/sharded-objective.md):
     * --blocks, and the metrics the registry declares local-only.
     */
    private void refuseUnsharded(List<Requested> wanted) {
        if (blocks != null) {
            throw new UnsupportedOperationException("--blocks is not measured on a sharded objective (--spark or --chunk) yet");
        }
        for (Requested r : wanted) {
            if (!r.metric().measurement().sharded()) {
                throw new UnsupportedOperationException("--metrics " + r.text() + " is not measured on a sharded"
                        + " objective (--spark or --chunk) yet; supported there: "
                        + String.join(", ", registry.shardedNames()));
            }
        }
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

    /** A metric as written in --metrics (lower case), its registry entry and its count K (1 for a bare name). */
    record Requested(String text, Metric metric, int count) {
    }

    /** The largest K asked for per metric name. */
    private static Map<String, Integer> counts(List<Requested> wanted) {
        Map<String, Integer> k = new LinkedHashMap<>();
        wanted.forEach(r -> k.merge(r.metric().name(), r.count(), Math::max));
        return k;
    }

    /** Resolves the metric list through the registry; an unknown or malformed one gets the list of valid ones. */
    static List<Requested> parseMetrics(String s, MetricRegistry registry) {
        List<Requested> out = new ArrayList<>();
        for (String raw : s.split(",")) {
            String m = raw.trim().toLowerCase(Locale.ROOT);
            String[] kv = m.split(":");
            Metric metric = registry.measured(kv[0]);
            boolean known = metric != null && (metric.measurement().counted()
                    ? kv.length <= 2 && (kv.length == 1 || kv[1].matches("[1-9][0-9]*")) : kv.length == 1);
            if (!known) {
                throw new IllegalArgumentException("--metrics: unknown or malformed metric '" + raw.trim() + "'; valid: "
                        + registry.measureUsage());
            }
            out.add(new Requested(m, metric, kv.length > 1 ? Integer.parseInt(kv[1]) : 1));
        }
        return out;
    }

    /** Puts the command's registry's metric list into its help footer (the line starting "Metrics:"). */
    static void listMetrics(CommandLine measure) {
        MetricRegistry registry = ((MeasureCommand) measure.getCommand()).registry;
        CommandSpec spec = measure.getCommandSpec();
        String[] footer = spec.usageMessage().footer().clone();
        for (int i = 0; i < footer.length; i++) {
            if (footer[i].startsWith(METRICS_LINE)) {
                footer[i] = METRICS_LINE + registry.measureUsage();
            }
        }
        spec.usageMessage().footer(footer);
    }
}
