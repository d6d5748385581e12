package org.occam.lab.samln;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.occam.data.TrainTest;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.ClaimPages;
import org.occam.lab.run.RunPool;
import org.occam.lab.seeds.Seeds;

/**
 * SAM-1 and LN-1 (docs/sam.md, docs/label-noise.md): plain SGD, SAM (Foret et al. 2021) and
 * label-noise SGD (Blanc et al. 2020; Damian et al. 2021) from the same initialization and batch
 * order per seed, each stopped at the same training loss; do SAM and label noise end flatter
 * (lower λ_max and tr H) than SGD? Claims in {@link SamLnClaims}.
 */
public final class SamLn {
    /** The id in reports and JSON. */
    public static final String ID = "SAM-1/LN-1";

    private SamLn() {
    }

    private record Task(Arm arm, long seed) {
    }

    /**
     * Runs the setting over the seeds, writes report.html (and JSON fields) into {@code dir}, returns the judged claims.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     * @throws IOException when writing fails
     */
    public static Outcome reproduce(SamLnSetting s, Seeds seeds, boolean quick, Path dir, Consumer<String> log)
            throws IOException {
        long t0 = System.nanoTime();
        TrainTest data = SamLnData.load(s);
        List<Task> tasks = new ArrayList<>();
        for (long seed : seeds.values()) {
            for (Arm a : Arm.values()) {
                tasks.add(new Task(a, seed));
            }
        }
        List<SamLnRun> runs = RunPool.map(tasks, seeds.parallel(), t -> {
            SamLnRun r = SamLnTraining.run(s, data, t.arm(), t.seed());
            synchronized (log) {
                log.accept(String.format(Locale.ROOT, "seed %d  %-16s %6d steps%s  train loss %.4f  lambda_max %.4g"
                                + "  tr H %.4g +- %.2g  test acc %.4f  [%.1fs]", r.seed(), r.arm().words(), r.steps(),
                        r.reached() ? "" : " (target NOT reached)", r.trainLoss(), r.lambdaMax(), r.trace(),
                        r.traceStderr(), r.testAccuracy(), r.seconds()));
            }
            return r;
        });
        List<ClaimResult> claims = SamLnClaims.of(runs, seeds.values());
        double seconds = (System.nanoTime() - t0) / 1e9;
        return ClaimPages.outcome(ID, "SAM-1 and LN-1: SAM and label-noise SGD against SGD at equal training loss", dir,
                quick, seeds.values(), setting(s, SamLnData.describe(s, data)), claims, rows(runs), seconds, List::of);
    }

    /** The setting as ordered key/value pairs. */
    static Map<String, Object> setting(SamLnSetting s, String data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", "SAM-1 / LN-1 (docs/sam.md, docs/label-noise.md): SGD vs SAM vs label-noise SGD at equal loss");
        m.put("data", data);
        m.put("model", s.model());
        m.put("loss", "1/2 mean |f(x) - onehot(y)|^2 (MSE on one-hot targets)");
        m.put("lr (all arms)", s.lr());
        m.put("batch size (all arms)", s.batchSize() + ", random reshuffling");
        m.put("SAM rho", s.rho());
        m.put("label noise sigma", s.sigma() + " (Gaussian on the one-hot targets, fresh each step)");
        m.put("stop", "first epoch end with training loss <= " + s.targetLoss() + " (at most " + s.maxEpochs()
                + " epochs)");
        m.put("measures", "lambda_max by Lanczos (" + s.lanczosSteps() + " steps), tr H by Hutchinson (" + s.probes()
                + " Rademacher probes), on the clean loss over all training rows, float32");
        return m;
    }

    private static List<Map<String, Object>> rows(List<SamLnRun> runs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SamLnRun r : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", r.seed());
            m.put("arm", r.arm().words());
            m.put("steps", r.steps());
            m.put("reached_target", r.reached());
            m.put("train_loss", r.trainLoss());
            m.put("lambda_max", r.lambdaMax());
            m.put("lambda_residual", r.lambdaResidual());
            m.put("trace", r.trace());
            m.put("trace_stderr", r.traceStderr());
            m.put("test_accuracy", r.testAccuracy());
            m.put("seconds", r.seconds());
            out.add(m);
        }
        return out;
    }
}
