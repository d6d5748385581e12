package org.occam.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.occam.cli.config.ConfigException;
import org.occam.cli.config.Configs;
import org.occam.cli.config.GameConfig;
import org.occam.cli.config.RunConfig;
import org.occam.games.gan.Mixture2d;
import org.occam.io.Safetensors;
import org.occam.lab.dd4.Dd4Report;
import org.occam.lab.dd4.SampleGrid;
import org.occam.lab.plot.Plot;
import org.occam.lab.report.Section;
import org.occam.tensor.Tensor;

/**
 * The game-specific part of a run report: the generator's samples of the run's latest evaluation
 * ({@value GameJob#SAMPLES}), as a scatter plot with the real mode centres on 2-D data (METHODS §11
 * DD-4) or as an image grid for MNIST. The losses and per-player gradient norms are charted by the
 * generic report (loss.d and loss.g share a chart, as do grad_norm.d and grad_norm.g).
 */
public final class GameReport {
    private GameReport() {
    }

    /** The samples sections of a game run folder; none for a single-model run or a folder without a readable config. */
    public static List<Section> sections(Path runDir) {
        Path config = runDir.resolve("config.yaml");
        if (!Files.isRegularFile(config)) {
            return List.of();
        }
        RunConfig c;
        try {
            c = Configs.loadRun(config, List.of());
        } catch (ConfigException e) {
            return List.of();
        }
        if (!(c instanceof GameConfig g)) {
            return List.of();
        }
        List<Section> out = new ArrayList<>();
        out.add(new Section.Heading("Generated samples"));
        Path file = runDir.resolve(GameJob.SAMPLES);
        if (!Files.isRegularFile(file)) {
            out.add(new Section.Text("No samples yet (" + file + " is written at every evaluation)."));
            return out;
        }
        Tensor x;
        String step;
        try {
            x = Safetensors.read(file).get("samples");
            step = Safetensors.readMetadata(file).getOrDefault("step", "?");
        } catch (IOException | RuntimeException e) {
            out.add(new Section.Text("Cannot read " + file + ": " + e.getMessage()));
            return out;
        }
        Mixture2d target = GameExperiment.mixture(g.game().data());
        if (target != null) {
            String caption = x.size(0) + " samples of the generator at step " + step + " and the " + target.modes()
                    + " mode centres of " + target;
            out.add(new Section.Chart("samples", caption, scatter("Samples at step " + step, x, target)));
        } else {
            int side = (int) Math.round(Math.sqrt(x.size(1)));
            int cols = (int) Math.ceil(Math.sqrt(x.size(0)));
            out.add(new Section.Chart("samples", x.size(0) + " samples of the generator at step " + step,
                    SampleGrid.of(x, side, side, cols, 2, -1, 1)));
        }
        return out;
    }

    /** Generated points [n, 2] and the real mode centres. */
    static Plot scatter(String title, Tensor samples, Mixture2d target) {
        return Dd4Report.scatter(title, samples.toDoubleArray(), target);
    }
}
