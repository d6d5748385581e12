package org.occam.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep report's title, from the sweep file as run ({@code sweep.yaml}): its name and its axes,
 * e.g. {@code Sweep digits_lr_batch: lr × train.batch_size × seed}; the folder name when there is
 * no sweep.yaml (a folder of runs collected by hand).
 */
final class SweepTitle {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SweepTitle() {
    }

    static String of(Path sweepDir) {
        Path file = sweepDir.resolve("sweep.yaml");
        if (!Files.isRegularFile(file)) {
            return "Sweep " + RunReport.name(sweepDir);
        }
        JsonNode t;
        try {
            t = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ReportException(file + ": not valid YAML (" + e.getMessage() + ")", e);
        }
        String name = t != null && t.path("name").isTextual() ? t.get("name").asText() : RunReport.name(sweepDir);
        List<String> axes = new ArrayList<>();
        if (t != null) {
            for (JsonNode a : t.path("axes")) {
                if (a.path("key").isTextual()) {
                    axes.add(a.get("key").asText());
                }
            }
        }
        return "Sweep " + name + (axes.isEmpty() ? "" : ": " + String.join(" × ", axes));
    }
}
