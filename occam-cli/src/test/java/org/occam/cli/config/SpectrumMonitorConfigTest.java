package org.occam.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converged sharpness and the hessian_blocks monitors from a config: their columns, and the cap flag. */
class SpectrumMonitorConfigTest {

    @Test
    void monitorsRecordResidualsFlagsAndBlocks(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, """
                model: mlp:64-4-10:tanh
                data: {train: "digits:train[:100]"}
                dtype: float64
                lr: 0.1
                monitors:
                  - {name: sharpness, every: 2, samples: 32, steps: 2}
                  - {name: hessian_blocks, every: 2, samples: 32, probes: 12}
                train: {batch_size: 50, steps: 2}
                """);
        NcMonitorConfigTest.Out r = NcMonitorConfigTest.run("train", cfg.toString(), "--out", dir.resolve("run").toString(),
                "--quiet");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> csv = Files.readAllLines(dir.resolve("run").resolve("metrics.csv"));
        String header = csv.getFirst();
        for (String key : List.of("sharpness", "sharpness_residual", "sharpness_converged", "sharpness_steps",
                "block_trace_0", "block_lmax_2", "block_converged_0")) {
            assertTrue(List.of(header.split(",")).contains(key), key + " in " + header);
        }
        int col = List.of(header.split(",")).indexOf("sharpness_converged");
        assertEquals(0.0, Double.parseDouble(csv.get(1).split(",")[col]), "two Lanczos steps cannot converge");
        String log = Files.readString(dir.resolve("run").resolve("run.log"));
        assertTrue(log.contains("warning: sharpness_converged = 0 at step 0"), log);

        Files.writeString(cfg, Files.readString(cfg).replace("{name: hessian_blocks, every: 2, samples: 32, probes: 12}",
                "{name: hessian_blocks, every: 2, rel_se: 0}"));
        NcMonitorConfigTest.Out bad = NcMonitorConfigTest.run("train", cfg.toString(), "--out",
                dir.resolve("run2").toString(), "--quiet");
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("hessian_blocks: rel_se must lie in (0, 1)"), bad.err());
    }
}
