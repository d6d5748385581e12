package org.occam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.data.Datasets;
import org.occam.data.TrainTest;
import org.occam.io.Safetensors;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Momentum;
import org.occam.optim.Schedule;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/**
 * An Occam checkpoint loads into the equivalent torch.nn.Sequential (strict load_state_dict) and
 * gives the same logits to 1e-5 in float32. Skipped, with a message, when Debian's PyTorch is absent.
 */
class TorchEquivalenceTest {
    private static final String PYTHON = "/usr/bin/python3";

    private static boolean torchPresent() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void trainedCheckpointGivesTheSameLogitsInPyTorch(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)) && torchPresent(),
                "PyTorch not installed (apt-get install python3-torch): skipping the torch equivalence check");
        String spec = "mlp:64-32-10:tanh";
        Sequential model = Models.parse(spec);
        TrainTest data = Datasets.digitsSplit();
        Params trained = Trainer.run(new Trainer.Setup(model, model.init(Rng.seed(4), DType.FLOAT32),
                Objective.crossEntropy(model), data.train(), null, new Momentum(0.9, false, 0),
                LearningRateRule.of(Schedule.constant(0.05)), TrainSpec.of(32, 100, 0).withEvalEvery(0), null, null, null))
                .params();
        Tensor x = data.test().x().slice(0, 0, 50).contiguous();
        Path modelFile = dir.resolve("model.safetensors");
        Path inputFile = dir.resolve("x.safetensors");
        Safetensors.write(modelFile, trained);
        Safetensors.write(inputFile, Params.of("x", x));
        Path script = dir.resolve("torch_logits.py");
        try (InputStream in = getClass().getResourceAsStream("torch_logits.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), modelFile.toString(), inputFile.toString(), spec)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String list = out.substring(out.indexOf('[') + 1, out.indexOf(']'));
        String[] parts = list.split(",");
        float[] ours = model.apply(trained, x).toFloatArray();
        assertEquals(ours.length, parts.length);
        double maxDiff = 0;
        for (int i = 0; i < ours.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(ours[i] - Double.parseDouble(parts[i].trim())));
        }
        assertTrue(maxDiff <= 1e-5, "max |occam - torch| = " + maxDiff);
    }
}
