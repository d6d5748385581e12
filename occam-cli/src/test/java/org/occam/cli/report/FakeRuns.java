package org.occam.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hand-written run and sweep folders in the run-store format, and helpers to pick reports apart. */
final class FakeRuns {
    private FakeRuns() {
    }

    static final String CONFIG = """
            name: digits-sgd
            model: {name: mlp, widths: [64, 64]}
            optimizer: {name: sgd, lr: %s}
            train: {batch_size: %d, steps: 200, seed: 1}
            note: "a < b & c"
            """;

    /**
     * A run: loss and lr every 5 steps, sharpness with 2/h and GC every 20, test metrics every
     * 50, an unknown key (weight_norm) every 10, and a final row; completed unless {@code divergeAt} ≥ 0.
     */
    static Path run(Path dir, double lr, int batch, int divergeAt) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config.yaml"), String.format(Locale.ROOT, CONFIG, lr, batch));
            StringBuilder m = new StringBuilder();
            int last = divergeAt >= 0 ? divergeAt : 200;
            for (int s = 0; s <= last; s += 5) {
                double loss = 2.3 * Math.exp(-s / 30.0 * lr * 10) + 0.01;
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "{\"step\":%d,\"epoch\":%d,\"loss\":%s,\"lr\":%s",
                        s, s / 50, s == divergeAt ? "null" : Double.toString(loss), Double.toString(lr)));
                if (s % 20 == 0) {
                    row.append(String.format(Locale.ROOT, ",\"sharpness\":%.4f,\"two_over_lr\":%.4f,\"gc\":%.4f,\"grad_norm\":%.5f",
                            Math.min(2 / lr, 5 + s * 0.3), 2 / lr, 1.5 + Math.sin(s / 30.0), loss * 3));
                }
                if (s % 50 == 0) {
                    row.append(String.format(Locale.ROOT, ",\"train_loss\":%.5f,\"train_accuracy\":%.4f,\"test_loss\":%.5f,\"test_accuracy\":%.4f",
                            loss, 1 - loss / 3, loss * 1.2, 0.9 - loss / 4));
                }
                if (s % 10 == 0) {
                    row.append(String.format(Locale.ROOT, ",\"weight_norm\":%.4f", 3 + s / 100.0));
                }
                if (s == divergeAt) {
                    row.append(",\"status\":\"diverged\"");
                }
                m.append(row).append("}\n");
            }
            if (divergeAt < 0) {
                m.append("{\"step\":200,\"final\":true,\"train_loss\":0.0213,\"train_accuracy\":0.9921,\"test_loss\":0.0412,\"test_accuracy\":0.9375}\n");
            }
            Files.writeString(dir.resolve("metrics.jsonl"), m.toString());
            String state = divergeAt >= 0 ? "diverged" : "completed";
            String msg = divergeAt >= 0 ? "\"loss is NaN\"" : "null";
            Files.writeString(dir.resolve("status.json"), String.format(Locale.ROOT,
                    "{\"state\":\"%s\",\"step\":%d,\"total_steps\":200,\"message\":%s,\"name\":\"digits-sgd\"}%n", state, last, msg));
            Files.writeString(dir.resolve("run.log"), "starting <run>\nstep 100 loss 0.3\ndone\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 2×2 sweep over lr × batch size plus a diverged run at the largest lr, with results.csv. */
    static Path sweep(Path dir, boolean withCsv) {
        double[] lrs = {0.01, 0.1};
        int[] batches = {32, 128};
        List<String> csv = new ArrayList<>();
        csv.add("run,lr,batch_size,train_loss,test_accuracy,gc,sharpness,state");
        int i = 0;
        for (double lr : lrs) {
            for (int b : batches) {
                String id = String.format(Locale.ROOT, "run-%02d", i++);
                run(dir.resolve(id), lr, b, -1);
                csv.add(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.3f,%.2f,completed", id, lr, b, 0.02 + lr / b,
                        0.9 + lr - b / 10000.0, 1.2 + lr * 3 + b / 100.0, 10 + 100 * lr));
            }
        }
        run(dir.resolve("run-04"), 1.0, 32, 40);
        csv.add("run-04,1.0,32,,,,,diverged");
        if (withCsv) {
            try {
                Files.writeString(dir.resolve("results.csv"), String.join("\n", csv) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
