package org.occam.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.occam.autodiff.Params;
import org.occam.io.Safetensors;
import org.occam.nn.Models;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The hostile inputs of issue 14 as files in a folder, each with the command that reads it, the
 * exit code and the one line on standard error it must give. {@link HostileInputTest} runs them.
 */
final class HostileInputs {
    private HostileInputs() {
    }

    /** One hostile input: the CLI arguments, the exit code, and a test of the one line on stderr. */
    record Case(String name, List<String> args, int code, String line, Predicate<String> matches) {
        static Case exact(String name, int code, String line, String... args) {
            return new Case(name, List.of(args), code, line, line::equals);
        }

        static Case framed(String name, int code, String start, String end, String... args) {
            return new Case(name, List.of(args), code, start + "…" + end, l -> l.startsWith(start) && l.endsWith(end));
        }
    }

    static final String MODEL = "mlp:2-4-2:tanh";
    private static final String SIZE_FIX = "; a config holds settings: put data in a data file (e.g. csv:PATH)";
    private static final String CSV_FIX = " is not a finite number; features must be finite: remove or impute the value";
    private static final String NAN_FIX = "); measurements there would be NaN: use weights and data without NaN or Infinity"
            + " (an earlier checkpoint, or fixed input)";
    private static final String A = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    /** Writes every input into {@code dir} (a 100 MB YAML file among them) and lists the cases. */
    static List<Case> write(Path dir, Path readOnly) throws IOException {
        List<Case> cases = new ArrayList<>();
        Path ok = write(dir.resolve("ok.csv"), "0.1,0.2,0\n0.3,-0.4,1\n0.5,0.6,0\n-0.7,0.8,1\n");
        String data = "csv:" + ok;

        // Config and sweep files: size limits, aliases, folders, missing files.
        Path big = dir.resolve("big.yaml");
        try (Writer w = Files.newBufferedWriter(big)) {
            w.write("model: " + MODEL + "\n");
            for (int i = 0; i < 40_000; i++) {
                w.write("# a long comment line that only pads the file to more than one mebibyte\n");
            }
        }
        cases.add(Case.exact("config file over 1 MiB", 2, "occam: " + big + ": is " + Files.size(big)
                + " bytes, over the 1048576-byte (1 MiB) limit for config files" + SIZE_FIX, "train", big.toString()));
        Path huge = dir.resolve("huge.yaml");
        try (Writer w = Files.newBufferedWriter(huge)) {
            w.write("name: \"");
            char[] chunk = "x".repeat(1 << 16).toCharArray();
            for (int i = 0; i < 100 * 16; i++) {
                w.write(chunk);
            }
            w.write("\"\n");
        }
        cases.add(Case.exact("100 MB quoted YAML value", 2, "occam: " + huge + ": is " + Files.size(huge)
                + " bytes, over the 1048576-byte (1 MiB) limit for config files" + SIZE_FIX, "train", huge.toString()));
        Path sweep = dir.resolve("sweep.yaml");
        Files.copy(big, sweep);
        cases.add(Case.exact("sweep file over 1 MiB", 2, "occam: " + sweep + ": is " + Files.size(sweep)
                + " bytes, over the 1048576-byte (1 MiB) limit for sweep files; a sweep holds settings: put data in a data"
                + " file (e.g. csv:PATH)", "sweep", sweep.toString(), "--out", dir.resolve("sweep-out").toString()));
        Path alias = write(dir.resolve("alias.yaml"), "model: " + MODEL + "\nname: *s\n");
        cases.add(Case.exact("YAML alias", 2, "occam: " + alias + ": line 2: YAML alias *s is not supported (anchors and"
                + " aliases are refused); write the value out in full, or quote it ('*s') if you meant the text",
                "train", alias.toString()));
        Path anchor = write(dir.resolve("anchor.yaml"), "model: &m " + MODEL + "\ndata: " + data + "\n");
        cases.add(Case.exact("YAML anchor", 2, "occam: " + anchor + ": line 1: YAML anchor &m is not supported (anchors"
                + " and aliases are refused); write each value out in full", "train", anchor.toString()));
        cases.add(Case.exact("directory as config", 2, "occam: " + dir + ": is a directory; give a config file (.yaml)",
                "train", dir.toString()));
        Path missing = dir.resolve("missing.yaml");
        cases.add(Case.exact("missing config", 2, "occam: " + missing + ": no such config file", "train", missing.toString()));

        // CSV data: labels too large for any model, labels the model cannot output, non-finite features.
        Path labels = write(dir.resolve("labels.csv"), "0.1,0.2,0\n0.3,0.4,1\n0.5,0.6,2000000000\n");
        Path labelsCfg = config(dir.resolve("labels.yaml"), "csv:" + labels);
        cases.add(Case.exact("CSV label 2000000000", 2, "occam: CSV " + labels + ":3: label 2000000000 is too large:"
                + " class indices must be below 100000 (labels are class indices 0..K-1)", "train", labelsCfg.toString(),
                "--out", dir.resolve("labels-run").toString()));
        Path wide = write(dir.resolve("wide.csv"), "0.1,0.2,0\n0.3,0.4,1\n0.5,0.6,99999\n");
        Path wideCfg = config(dir.resolve("wide.yaml"), "csv:" + wide);
        cases.add(Case.exact("CSV label 99999, model with 2 outputs", 2, "occam: model.spec: " + MODEL + " has 2 outputs,"
                + " but cross_entropy on wide-train needs 100000 (one per class)", "train", wideCfg.toString(),
                "--out", dir.resolve("wide-run").toString()));
        cases.add(Case.exact("CSV label 99999, measure with 2 outputs", 2, "occam: --data csv:" + wide + " has labels of"
                + " 100000 classes, but --model " + MODEL + " has 2 outputs; cross_entropy needs one per class",
                "measure", "--model", MODEL, "--data", "csv:" + wide));
        for (String v : List.of("NaN", "Infinity", "-Infinity", "nan", "inf", "-INF")) {
            Path f = write(dir.resolve("feature-" + v + ".csv"), "0.1,0.2,0\n0.3," + v + ",1\n");
            cases.add(Case.exact("CSV feature " + v, 2, "occam: CSV " + f + ":2, column 2: '" + v + "'" + CSV_FIX,
                    "measure", "--model", MODEL, "--data", "csv:" + f));
        }
        cases.add(Case.exact("directory as CSV", 2, "occam: " + dir.toAbsolutePath() + " is a directory; give the data file"
                + " inside it",
                "measure", "--model", MODEL, "--data", "csv:" + dir));
        Path noCsv = dir.resolve("missing.csv");
        cases.add(Case.exact("missing CSV", 2, "occam: no such file: " + noCsv.toAbsolutePath() + "; check the path",
                "measure", "--model", MODEL, "--data", "csv:" + noCsv));

        // --weights: missing, a folder, every malformed safetensors kind, a mismatch, non-finite values.
        Path noWeights = dir.resolve("missing.safetensors");
        cases.add(weights("missing --weights", noWeights, data, 2, "occam: --weights " + noWeights
                + ": no such file; give a .safetensors checkpoint"));
        cases.add(weights("directory as --weights", dir, data, 2, "occam: invalid safetensors file " + dir
                + ": it is a directory; give the .safetensors file inside it"));
        byte[] max = new byte[16];
        Arrays.fill(max, 0, 8, (byte) 0xff);
        malformed(cases, dir, data, "empty file", new byte[0],
                "the file is 0 bytes, shorter than the 8-byte header length (empty or truncated file)");
        malformed(cases, dir, data, "truncated header length", new byte[] {8, 0, 0},
                "the file is 3 bytes, shorter than the 8-byte header length (empty or truncated file)");
        malformed(cases, dir, data, "header length past the end", file("{}", new byte[0], 1000),
                "header length 1000 exceeds the 2 bytes after the length prefix (truncated file, or not a safetensors file)");
        malformed(cases, dir, data, "header length 2^64-1", max,
                "header length 18446744073709551615 exceeds the 8 bytes after the length prefix (truncated file, or not a"
                        + " safetensors file)");
        malformed(cases, dir, data, "header not JSON", file("{\"a\":", new byte[0]),
                "the header is not valid JSON: unexpected end of JSON, expected a value at offset 5");
        malformed(cases, dir, data, "header not an object", file("[1]", new byte[0]),
                "the header does not start with '{' (not a safetensors file?)");
        malformed(cases, dir, data, "header not UTF-8", file(new byte[] {'{', (byte) 0xff, '}'}, new byte[0]),
                "the header is not valid UTF-8");
        malformed(cases, dir, data, "tensor not an object", file("{\"a\":3}", new byte[0]),
                "tensor 'a' must be an object with dtype, shape and data_offsets");
        malformed(cases, dir, data, "missing dtype", file("{\"a\":{\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'a' has no string \"dtype\"");
        malformed(cases, dir, data, "missing shape", file("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'a' needs \"shape\" as a list of non-negative integers, got null");
        malformed(cases, dir, data, "missing data_offsets", file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", new byte[8]),
                "tensor 'a' needs \"data_offsets\" as a list of 2 non-negative integers, got null");
        malformed(cases, dir, data, "unknown dtype", file("{\"a\":{\"dtype\":\"Q7\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                new byte[8]), "tensor 'a' has dtype Q7, which Occam cannot read; supported dtypes are F32, F64 (and F16,"
                + " BF16, read as float32; I64, read as float64)");
        malformed(cases, dir, data, "offsets past the buffer", file(A + "}", new byte[4]),
                "tensor 'a' has data_offsets [0, 8] beyond the end of the 4-byte data buffer (truncated file?)");
        malformed(cases, dir, data, "offsets overlapping", file(A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],"
                + "\"data_offsets\":[4,12]}}", new byte[12]), "tensor 'b' data_offsets [4, 12] overlap those of 'a' [0, 8]");
        malformed(cases, dir, data, "offsets reversed", file("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":"
                + "[8,0]}}", new byte[8]), "tensor 'a' has data_offsets [8, 0] that end before they begin");
        malformed(cases, dir, data, "offsets not shape x dtype", file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],"
                + "\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'a' with dtype F32 and shape [3] needs 12 bytes, but its data_offsets [0, 8] span 8 bytes");
        malformed(cases, dir, data, "negative dimension", file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],"
                + "\"data_offsets\":[0,8]}}", new byte[8]), "tensor 'a' needs \"shape\" as a list of non-negative integers,"
                + " got [-2]");
        malformed(cases, dir, data, "dimensions overflowing", file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3037000500,"
                + "3037000500],\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'a' has a dimension too large: [3037000500, 3037000500]");
        malformed(cases, dir, data, "2^32 elements", file("{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],"
                + "\"data_offsets\":[0,8]}}", new byte[8]), "tensor 'a' with shape [65536, 65536] has more than 2^31-1 elements");
        malformed(cases, dir, data, "duplicate tensor name", file(A + ",\"a\":{\"dtype\":\"F32\",\"shape\":[2],"
                + "\"data_offsets\":[8,16]}}", new byte[16]), "the header is not valid JSON: duplicate key \"a\" at offset 54");
        malformed(cases, dir, data, "gap between tensors", file(A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],"
                + "\"data_offsets\":[12,20]}}", new byte[20]),
                "bytes [8, 12) of the data buffer before tensor 'b' belong to no tensor");
        malformed(cases, dir, data, "trailing bytes", file(A + "}", new byte[12]),
                "the data buffer has 12 bytes but the tensors cover only 8 (trailing bytes after the last tensor)");

        Params init = Models.parse(MODEL).init(Rng.seed(0), DType.FLOAT64);
        Path other = dir.resolve("other.safetensors");
        Safetensors.write(other, Models.parse("mlp:2-3-2:tanh").init(Rng.seed(0), DType.FLOAT64));
        cases.add(new Case("weights of another model", List.of("measure", "--model", MODEL, "--data", data, "--weights",
                other.toString()), 2, "occam: --weights " + other + ": checkpoint does not match the model: …",
                l -> l.startsWith("occam: --weights " + other + ": checkpoint does not match the model: ")));
        String first = init.names().get(0);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            Path f = dir.resolve("weights-" + bad + ".safetensors");
            Safetensors.write(f, init.with(first, poison(init.get(first), bad)));
            cases.add(new Case(bad + " weights, --metrics sharpness", List.of("measure", "--model", MODEL, "--data", data,
                    "--weights", f.toString(), "--metrics", "sharpness"), 1, "occam: --weights " + f + ": tensor '" + first
                    + "' holds 1 non-finite value of " + init.get(first).numel() + " (first: " + bad + " at flat index 1"
                    + NAN_FIX, ("occam: --weights " + f + ": tensor '" + first + "' holds 1 non-finite value of "
                    + init.get(first).numel() + " (first: " + bad + " at flat index 1" + NAN_FIX)::equals));
        }

        // --out of a reproduction: not writable, or a file; and a malformed option.
        Path blocked = readOnly.resolve("report");
        cases.add(Case.framed("read-only --out (reproduce hom-1)", 2, "occam: --out " + blocked + ": cannot",
                "; give a folder you can write", "reproduce", "hom-1", "--quick", "--out", blocked.toString()));
        Path plain = write(dir.resolve("plain-file"), "x");
        cases.add(Case.exact("--out is a file (reproduce gc-1)", 2, "occam: --out " + plain + ": is a file, not a folder;"
                + " give a folder for the report", "reproduce", "gc-1", "--quick", "--out", plain.toString()));
        cases.add(Case.exact("--out is a file (ood toy)", 2, "occam: --out " + plain + ": is a file, not a folder;"
                + " give a folder for the report", "ood", "toy", "--quick", "--out", plain.toString()));
        cases.add(Case.exact("option not a number", 2, "occam: Invalid value for option '--seed': 'abc' is not a long"
                + " (see: occam measure --help)", "measure", "--model", MODEL, "--data", data, "--seed", "abc"));
        return cases;
    }

    private static Case weights(String name, Path file, String data, int code, String line) {
        return Case.exact(name, code, line, "measure", "--model", MODEL, "--data", data, "--weights", file.toString());
    }

    private static void malformed(List<Case> cases, Path dir, String data, String kind, byte[] content, String detail)
            throws IOException {
        Path f = dir.resolve("st-" + kind.replaceAll("[^A-Za-z0-9]+", "-") + ".safetensors");
        Files.write(f, content);
        cases.add(weights("safetensors: " + kind, f, data, 2, "occam: invalid safetensors file " + f + ": " + detail));
    }

    private static Tensor poison(Tensor t, double bad) {
        double[] v = t.toDoubleArray();
        v[1] = bad;
        return Tensor.wrap(v, t.shape());
    }

    private static Path config(Path file, String data) throws IOException {
        return write(file, "model: " + MODEL + "\ndata: " + data + "\nlr: 0.1\ntrain: {batch_size: 2, steps: 5}\n");
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A safetensors file: the 8-byte length of {@code header} (or {@code declared}), the header, the buffer. */
    private static byte[] file(String header, byte[] buffer, long... declared) {
        return file(header.getBytes(StandardCharsets.UTF_8), buffer, declared);
    }

    private static byte[] file(byte[] header, byte[] buffer, long... declared) {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + buffer.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declared.length > 0 ? declared[0] : header.length).put(header).put(buffer);
        return b.array();
    }

    /** Every file and folder under {@code dir}, with its size, to see that a command wrote nothing. */
    static Map<String, Long> listing(Path dir) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put(dir.relativize(p).toString(), Files.isDirectory(p) ? -1L : Files.size(p));
            }
        }
        return out;
    }
}
