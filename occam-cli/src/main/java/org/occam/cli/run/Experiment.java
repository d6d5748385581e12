package org.occam.cli.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.cli.config.BuildContext;
import org.occam.cli.config.ComponentConfig;
import org.occam.cli.config.ConfigException;
import org.occam.cli.config.DataLoader;
import org.occam.cli.config.ExperimentConfig;
import org.occam.cli.config.LearningRateRegistry;
import org.occam.cli.config.ModelConfig;
import org.occam.cli.config.MonitorRegistry;
import org.occam.cli.config.OptimizerRegistry;
import org.occam.cli.config.RegularizerRegistry;
import org.occam.cli.config.TrainConfig;
import org.occam.data.Dataset;
import org.occam.data.Order;
import org.occam.io.InitialWeights;
import org.occam.nn.Mode;
import org.occam.nn.Model;
import org.occam.nn.Models;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Optimizer;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;
import org.occam.train.CheckpointStore;
import org.occam.train.MetricsSink;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/**
 * An {@link ExperimentConfig} made concrete: data loaded, model and initial parameters, the
 * objective with its regularizers, optimizer, learning-rate rule, monitors and training spec.
 * Building checks what the config alone cannot (the model fits the data, the loss fits the labels)
 * and reports it as a {@link ConfigException}.
 */
public record Experiment(ExperimentConfig config, Model model, Params init, Dataset train, Dataset test,
                         Objective objective, Optimizer optimizer, LearningRateRule lr, TrainSpec spec,
                         List<Monitor> monitors, List<String> initNotes) {

    /** Builds everything; initial parameters come from {@code Rng.seed(seed)}. */
    public static Experiment build(ExperimentConfig c) {
        DType dtype = DType.parse(c.dtype());
        DataLoader.Loaded data = DataLoader.load(c.data(), dtype);
        Model model = Models.parse(c.model().spec());
        Params init = model.init(Rng.seed(c.seed()), dtype);
        List<String> initNotes = List.of();
        if (c.model().initFrom() != null) {
            InitialWeights w = initialWeights(c.model(), model, init);
            init = w.params();
            initNotes = w.notes();
        }
        if (c.model().initScale() != 1.0) {
            init = init.scale(c.model().initScale());
        }
        checkFit(c, model, init, data.train());
        TrainConfig t = c.train();
        long steps = t.stepsFor(data.train().size());
        TrainSpec spec = new TrainSpec(t.batchSize(), steps, Order.valueOf(t.order().toUpperCase(Locale.ROOT)), c.seed(),
                t.evalEvery(), t.checkpointEvery(), t.divergenceBound(), t.chunk(), data.augment());
        BuildContext ctx = new BuildContext(model, c.loss(), Objective.parse(c.loss(), model), data.train(), data.test(), steps);
        for (ComponentConfig r : c.regularizers()) {
            ctx = ctx.withObjective(RegularizerRegistry.REGISTRY.create(r, ctx));
        }
        Optimizer optimizer = OptimizerRegistry.REGISTRY.create(c.optimizer(), ctx);
        LearningRateRule lr = LearningRateRegistry.REGISTRY.create(c.lr(), ctx);
        List<Monitor> monitors = new ArrayList<>();
        for (ComponentConfig m : c.monitors()) {
            monitors.add(MonitorRegistry.REGISTRY.create(m, ctx));
        }
        Experiment ex = new Experiment(c, model, init, data.train(), data.test(), ctx.objective(), optimizer, lr, spec, monitors,
                initNotes);
        FullBatchOnSpark.check(c, ex);
        return ex;
    }

    private static InitialWeights initialWeights(ModelConfig m, Model model, Params fresh) {
        if (model.stateful()) {
            throw new ConfigException("model.init_from: " + m.spec() + " has BatchNorm buffers, which init_from does not"
                    + " load yet; use a model without BatchNorm, or start from its seed");
        }
        try {
            return InitialWeights.load(m.initFrom(), fresh, m.initStrict());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("model.init_from: " + e.getMessage()
                    + (m.initStrict() ? " (init_strict: false takes the tensors that match and lists the rest)" : ""));
        } catch (IOException e) {
            throw new ConfigException("model.init_from: cannot read " + m.initFrom() + ": " + e.getMessage());
        }
    }

    /** The trainer's setup, writing rows to {@code sink} and checkpoints to {@code store}. */
    public Trainer.Setup setup(MetricsSink sink, CheckpointStore store) {
        return new Trainer.Setup(model, init, objective, train, test, optimizer, lr, spec, monitors, sink, store);
    }

    /** The model applied to one sample must work, and its outputs must match what the loss needs. */
    private static void checkFit(ExperimentConfig c, Model model, Params init, Dataset train) {
        Tensor out;
        try {
            Model eval = model.bind(model.initState(init.dtype()), Mode.EVAL); // one sample: batch statistics need two
            out = Recording.noGrad(() -> eval.apply(init, train.slice(0, 1).all().x()));
        } catch (RuntimeException e) {
            throw new ConfigException("model.spec: " + c.model().spec() + " does not fit the data: " + train.name()
                    + " has samples of shape " + Shape.str(train.sampleShape()) + " (" + e.getMessage()
                    + ")", e);
        }
        int outputs = out.numel();
        String loss = c.loss();
        if (loss.equals("mse")) {
            if (!train.hasTargets()) {
                throw new ConfigException("loss: mse needs regression targets (e.g. sine, teacher_student_regression);"
                        + " " + train.name() + " has class labels only");
            }
            int want = train.targets().numel() / train.size();
            if (outputs != want) {
                throw new ConfigException("model.spec: " + c.model().spec() + " has " + outputs + " outputs, but the targets of "
                        + train.name() + " have " + want);
            }
            return;
        }
        if (!train.hasLabels()) {
            throw new ConfigException("loss: " + loss + " needs class labels; " + train.name() + " has regression targets"
                    + " only (use loss: mse)");
        }
        int want = loss.equals("cross_entropy") ? train.numClasses() : 1;
        if (!loss.equals("cross_entropy") && train.numClasses() != 2) {
            throw new ConfigException("loss: " + loss + " is a binary loss, but " + train.name() + " has " + train.numClasses()
                    + " classes (select two with data.classes)");
        }
        if (outputs != want) {
            throw new ConfigException("model.spec: " + c.model().spec() + " has " + outputs + " outputs, but " + loss + " on "
                    + train.name() + " needs " + want + (loss.equals("cross_entropy") ? " (one per class)" : ""));
        }
    }
}
