package org.occam.lab.morse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Synthetic;
import org.occam.lab.claim.Outcome;
import org.occam.lab.plot.Grid;
import org.occam.lab.seeds.SeedRuns;
import org.occam.lab.seeds.Seeds;
import org.occam.morse.Calibration;
import org.occam.morse.MorseFit;
import org.occam.morse.MorseKernel;
import org.occam.morse.MorseLoss;
import org.occam.morse.MorseNetwork;
import org.occam.morse.MorseSampler;
import org.occam.morse.MorseTemperature;
import org.occam.morse.OodMetrics;
import org.occam.morse.OodScores;
import org.occam.morse.UniformBox;
import org.occam.nn.Losses;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.Adam;
import org.occam.optim.Schedule;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * METHODS §11 MORSE-1: a Morse network on a 2-D toy (two moons or two rings), float64.
 *
 * <ul>
 *   <li>Unsupervised: φ: R² → R^k (k = the model's output size, 1 by default, so the modes are
 *       curves), Gaussian kernel, uniform reference box {@code boxFactor}× the data extent,
 *       reference weight {@code w = V} by default ({@link MorseLoss#lebesgue}; with it the fit
 *       approximates the data density itself, so M stays below 1 where that density does), or a
 *       given w (1: KL with respect to the box, under which M saturates at 1 on the data). Observables: M on held-out data
 *       and on box points more than {@code farGap} from every training point, the OOD AUROC
 *       between the two, and the distance to the nearest training point of reference draws
 *       before and after the sampler (capped gradient ascent on log M, then Langevin).</li>
 *   <li>Supervised: the same with φ: R² → R^C, one-hot targets and the labels; observables: test
 *       accuracy, and the classifier's confidence far away (on a circle of radius
 *       {@code 3×} the data's extent) raw and Morse-tempered ({@code τ = 1/M}).</li>
 * </ul>
 */
public final class ToyExperiment {
    private ToyExperiment() {
    }

    /**
     * Settings; see {@code occam ood toy --help}.
     *
     * @param dataset        moons or rings
     * @param trainSize      training points
     * @param testSize       held-out points
     * @param noise          Gaussian noise of the toy
     * @param hidden         φ's hidden layer sizes, e.g. "64-64"
     * @param outputs        k, φ's output size in the unsupervised network
     * @param kernel         Morse kernel spec
     * @param boxFactor      reference box size relative to the data extent
     * @param steps          Adam steps per fit
     * @param batch          data rows per step
     * @param referenceBatch reference draws per step
     * @param lr             Adam learning rate (constant)
     * @param referenceWeight the weight w of the reference term: NaN for the box volume V (times C), METHODS §8 as written;
     *                       a number (1: KL with respect to the reference measure) otherwise
     * @param farGap         minimum distance of OOD box points from the training data
     * @param samples        sampler chains
     * @param samplerSteps   gradient-ascent steps
     * @param samplerEta     gradient-ascent step size
     * @param samplerCap     cap on each drift step's length
     * @param langevinSteps  Langevin steps after the ascent
     * @param langevinEta    Langevin step size
     * @param supervised     also fit the supervised variant
     * @param seed           seed of data, initialization, batches and draws
     */
    public record Settings(String dataset, int trainSize, int testSize, double noise, String hidden, int outputs,
                           String kernel, double boxFactor, int steps, int batch, int referenceBatch, double lr,
                           double referenceWeight, double farGap, int samples, int samplerSteps, double samplerEta, double samplerCap,
                           int langevinSteps, double langevinEta, boolean supervised, long seed) {

        /**
         * The defaults: about half a minute per seed on two cores.
         *
         * @return the settings
         */
        public static Settings defaults() {
            return new Settings("moons", 1000, 500, 0.1, "64-64", 1, "gaussian:1", 1.5, 2000, 256, 512, 0.01, Double.NaN, 0.5, 300,
                    500, 0.01, 0.1, 200, 5e-4, true, 0);
        }

        /**
         * {@code --quick}: 120 training and 60 held-out points, 60 Adam steps, 20 sampler chains of 30 steps.
         *
         * @return the settings
         */
        public static Settings quick() {
            return new Settings("moons", 120, 60, 0.1, "16-16", 1, "gaussian:1", 1.5, 60, 64, 64, 0.01, Double.NaN, 0.5, 20,
                    30, 0.01, 0.1, 10, 5e-4, true, 0);
        }

        /**
         * The same settings with another seed (data, initialization, batches, draws).
         *
         * @param s the seed
         * @return the settings
         */
        public Settings withSeed(long s) {
            return new Settings(dataset, trainSize, testSize, noise, hidden, outputs, kernel, boxFactor, steps, batch,
                    referenceBatch, lr, referenceWeight, farGap, samples, samplerSteps, samplerEta, samplerCap, langevinSteps,
                    langevinEta, supervised, s);
        }
    }

    /**
     * The unsupervised fit and its observables.
     *
     * @param network the Morse network
     * @param params its fitted parameters
     * @param fit the fit's loss curve
     * @param box the uniform reference box
     * @param referenceWeight the reference term's weight w
     * @param metrics the OOD metrics of held-out against far points
     * @param inScores −log M of the held-out points
     * @param outScores −log M of the far points
     * @param meanDensityIn mean M on the held-out points
     * @param upperDensityIn the 90th percentile of M on the held-out points
     * @param meanDensityOut mean M on the far points
     * @param maxDensityGrid the largest M on the plotting grid
     * @param density M on the plotting grid
     * @param samplerStart the reference draws the sampler starts from
     * @param samplerEnd those points after capped gradient ascent
     * @param langevinEnd those points after the Langevin steps
     * @param distanceBefore the mean distance to the nearest training point before the sampler
     * @param distanceAfter the same after gradient ascent
     * @param distanceLangevin the same after Langevin
     * @param nearFraction the fraction of ascended points within twice the noise of a training point
     * @param far the box points more than farGap from every training point
     */
    public record Unsupervised(MorseNetwork network, Params params, MorseFit.Result fit, UniformBox box, double referenceWeight,
                               OodMetrics metrics, double[] inScores, double[] outScores, double meanDensityIn,
                               double upperDensityIn, double meanDensityOut, double maxDensityGrid, Grid density, Tensor samplerStart,
                               Tensor samplerEnd, Tensor langevinEnd, double distanceBefore, double distanceAfter,
                               double distanceLangevin, double nearFraction, Tensor far) {
    }

    /**
     * The supervised fit and its observables.
     *
     * @param network the Morse network
     * @param params its fitted parameters
     * @param fit the fit's loss curve
     * @param accuracy the test accuracy
     * @param farConfidenceRaw the classifier's mean confidence far away
     * @param farConfidenceTempered the same, Morse-tempered
     * @param testConfidenceRaw the mean confidence on the test points
     * @param testConfidenceTempered the same, Morse-tempered
     * @param eceRaw the expected calibration error
     * @param eceTempered the same, Morse-tempered
     * @param rawConfidence the confidence on the plotting grid
     * @param temperedConfidence the tempered confidence on the grid
     * @param ring the far points, on a circle 3× the data's extent
     */
    public record Supervised(MorseNetwork network, Params params, MorseFit.Result fit, double accuracy, double farConfidenceRaw,
                             double farConfidenceTempered, double testConfidenceRaw, double testConfidenceTempered,
                             double eceRaw, double eceTempered, Grid rawConfidence, Grid temperedConfidence, Tensor ring) {
    }

    /**
     * Everything the report needs.
     *
     * @param settings the settings it ran with
     * @param train the training points
     * @param test the held-out points
     * @param unsupervised the unsupervised fit
     * @param supervised the supervised fit, or null when the settings skip it
     * @param millis the wall time
     */
    public record Result(Settings settings, Dataset train, Dataset test, Unsupervised unsupervised, Supervised supervised,
                         long millis) {
    }

    /**
     * MORSE-1 over seeds; the claims are judged over seeds and the report written into dir.
     *
     * @param s the settings
     * @param seeds the seeds and how many run at once
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @param log receives progress lines
     * @return the judged claims, the setting and the report's path
     */
    public static Outcome reproduce(Settings s, Seeds seeds, boolean quick, Path dir, Consumer<String> log) {
        return SeedRuns.reproduceHere("MORSE-1", "its per-seed results hold the trained networks and the data",
                s, seeds, quick, (seed, out) -> run(s.withSeed(seed), out), MorseClaims::toy,
                (runs, claims) -> OodReport.writeToy(runs, claims, quick, dir), log);
    }

    /**
     * Runs the experiment on one seed; {@code log} receives progress lines.
     *
     * @param s the settings
     * @param log receives progress lines
     * @return the seed's runs
     */
    public static Result run(Settings s, Consumer<String> log) {
        long t0 = System.nanoTime();
        Dataset train = data(s, s.trainSize(), Rng.seed(s.seed()).split(1));
        Dataset test = data(s, s.testSize(), Rng.seed(s.seed()).split(2));
        log.accept(String.format(Locale.ROOT, "MORSE-1 on %s: %d train, %d held-out points", s.dataset(), train.size(), test.size()));
        Unsupervised u = unsupervised(s, train, test, log);
        Supervised sup = s.supervised() ? supervised(s, train, test, log) : null;
        return new Result(s, train, test, u, sup, (System.nanoTime() - t0) / 1_000_000);
    }

    static Dataset data(Settings s, int n, Rng rng) {
        return switch (s.dataset().toLowerCase(Locale.ROOT)) {
            case "moons", "two-moons" -> Synthetic.twoMoons(n, s.noise(), rng);
            case "rings" -> Synthetic.rings(n, 2, s.noise(), rng);
            default -> throw new IllegalArgumentException("unknown toy data set '" + s.dataset() + "': allowed values are moons, rings");
        };
    }

    private static Sequential phi(Settings s, int outputs) {
        return Models.parse("mlp:2-" + s.hidden() + "-" + outputs + ":tanh");
    }

    private static MorseLoss loss(Settings s, MorseNetwork net, UniformBox box) {
        return Double.isNaN(s.referenceWeight()) ? MorseLoss.lebesgue(net, box) : new MorseLoss(net, s.referenceWeight());
    }

    private static MorseFit.Spec spec(Settings s) {
        return new MorseFit.Spec(s.batch(), s.referenceBatch(), s.steps(), Schedule.constant(s.lr()), s.seed(),
                Math.max(1, s.steps() / 50));
    }

    private static Unsupervised unsupervised(Settings s, Dataset train, Dataset test, Consumer<String> log) {
        Dataset data = Dataset.of(train.name(), train.x(), null, 0);
        Sequential phi = phi(s, s.outputs());
        MorseNetwork net = MorseNetwork.unsupervised(phi, MorseKernel.parse(s.kernel()), s.outputs());
        UniformBox box = UniformBox.around(train.x(), s.boxFactor());
        MorseLoss loss = loss(s, net, box);
        MorseFit.Result fit = MorseFit.fit(loss, box, phi.init(Rng.seed(s.seed()).split(3), DType.FLOAT64), data,
                Adam.standard(), spec(s), null);
        Params p = fit.params();
        log.accept(String.format(Locale.ROOT, "  unsupervised %s, reference %s (weight w = %.3g): %d steps in %.1f s, loss %.4f",
                net.describe(), box.describe(), loss.referenceWeight(), s.steps(), fit.millis() / 1e3, fit.curve().getLast().loss()));
        double[] trainXy = train.x().toDoubleArray();
        Tensor far = farPoints(box, trainXy, test.size(), s.farGap(), Rng.seed(s.seed()).split(4));
        double[] logIn = net.logDensityValues(p, test.x(), 4096);
        double[] logOut = net.logDensityValues(p, far, 4096);
        double[] in = OodScores.fromLogDensity(logIn, OodScores.Kind.NEG_LOG_DENSITY);
        double[] out = OodScores.fromLogDensity(logOut, OodScores.Kind.NEG_LOG_DENSITY);
        OodMetrics m = OodMetrics.evaluate(in, out);
        Grid density = grid(box, 1, pts -> net.densityValues(p, pts, 4096));
        double maxGrid = density.finiteRange()[1];

        Tensor start = box.sample(Rng.seed(s.seed()).split(5), s.samples(), DType.FLOAT64);
        Tensor end = MorseSampler.run(net, p, start, s.samplerEta(), s.samplerSteps(), s.samplerCap(), 0, null, null);
        Tensor lang = MorseSampler.run(net, p, end, s.langevinEta(), s.langevinSteps(), s.samplerCap(), 1,
                Rng.seed(s.seed()).split(6), null);
        double before = meanNearest(start, trainXy);
        double after = meanNearest(end, trainXy);
        double afterLangevin = meanNearest(lang, trainXy);
        double near = fractionNear(end, trainXy, 2 * s.noise());
        log.accept(String.format(Locale.ROOT, "  %s; M held-out %.3g, far %.3g; sampler distance %.3f → %.3f (Langevin %.3f)",
                m.describe(), mean(exp(logIn)), mean(exp(logOut)), before, after, afterLangevin));
        double[] sortedIn = exp(logIn);
        java.util.Arrays.sort(sortedIn);
        double p90 = sortedIn[(int) Math.floor(0.9 * (sortedIn.length - 1))];
        return new Unsupervised(net, p, fit, box, loss.referenceWeight(), m, in, out, mean(exp(logIn)), p90, mean(exp(logOut)),
                maxGrid, density, start, end, lang, before, after, afterLangevin, near, far);
    }

    private static Supervised supervised(Settings s, Dataset train, Dataset test, Consumer<String> log) {
        int c = train.numClasses();
        Sequential phi = phi(s, c);
        MorseNetwork net = MorseNetwork.supervised(phi, MorseKernel.parse(s.kernel()), c, 1);
        UniformBox box = UniformBox.around(train.x(), s.boxFactor());
        MorseLoss loss = loss(s, net, box);
        MorseFit.Result fit = MorseFit.fit(loss, box, phi.init(Rng.seed(s.seed()).split(7), DType.FLOAT64), train,
                Adam.standard(), spec(s), null);
        Params p = fit.params();
        Tensor probs = net.classProbabilities(p, test.x());
        double acc = Losses.accuracy(probs, test.y());
        MorseTemperature temp = MorseTemperature.inverseDensity();
        Tensor ring = ring(box, 3, 400);
        double farRaw = 1 - mean(OodScores.oneMinusMax(net.classProbabilities(p, ring)));
        double farTemp = 1 - mean(OodScores.oneMinusMax(temp.probabilities(net.logKernels(p, ring), net.logDensityValues(p, ring, 4096))));
        Tensor tempered = temp.probabilities(net.logKernels(p, test.x()), net.logDensityValues(p, test.x(), 4096));
        double inRaw = 1 - mean(OodScores.oneMinusMax(probs));
        double inTemp = 1 - mean(OodScores.oneMinusMax(tempered));
        double eceRaw = Calibration.ofProbabilities(probs, test.y(), 10).ece();
        double eceTemp = Calibration.ofProbabilities(tempered, test.y(), 10).ece();
        Grid raw = grid(box, 3, pts -> maxProbs(net.classProbabilities(p, pts)));
        Grid tg = grid(box, 3, pts -> maxProbs(temp.probabilities(net.logKernels(p, pts), net.logDensityValues(p, pts, 4096))));
        log.accept(String.format(Locale.ROOT, "  supervised %s: accuracy %.3f; confidence far away %.3f raw, %.3f tempered "
                + "(1/C = %.3f); %.1f s", net.describe(), acc, farRaw, farTemp, 1.0 / c, fit.millis() / 1e3));
        return new Supervised(net, p, fit, acc, farRaw, farTemp, inRaw, inTemp, eceRaw, eceTemp, raw, tg, ring);
    }

    /** Points of the box at least {@code gap} from every training point, drawn by rejection. */
    static Tensor farPoints(UniformBox box, double[] data, int n, double gap, Rng rng) {
        double[] out = new double[2 * n];
        int k = 0;
        for (int tries = 0; k < n; tries++) {
            if (tries > 1000 * n) {
                throw new IllegalArgumentException("no box point is farther than " + gap + " from the data; lower --far-gap");
            }
            double[] p = box.sample(rng, 1, DType.FLOAT64).toDoubleArray();
            if (nearest(p[0], p[1], data) > gap) {
                out[2 * k] = p[0];
                out[2 * k + 1] = p[1];
                k++;
            }
        }
        return Tensor.of(out, n, 2);
    }

    /** Points on a circle around the box centre with radius {@code factor} × half the box diagonal. */
    static Tensor ring(UniformBox box, double factor, int n) {
        double[] lo = box.lo();
        double[] hi = box.hi();
        double cx = (lo[0] + hi[0]) / 2;
        double cy = (lo[1] + hi[1]) / 2;
        double r = factor * 0.5 * Math.hypot(hi[0] - lo[0], hi[1] - lo[1]);
        double[] v = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            v[2 * i] = cx + r * Math.cos(a);
            v[2 * i + 1] = cy + r * Math.sin(a);
        }
        return Tensor.of(v, n, 2);
    }

    /**
     * A 161×121 grid over the box scaled by {@code scale} about its centre, the function evaluated on
     * all grid points as one batch [N, 2].
     */
    static Grid grid(UniformBox box, double scale, java.util.function.Function<Tensor, double[]> f) {
        double[] lo = box.lo();
        double[] hi = box.hi();
        for (int d = 0; d < 2; d++) {
            double c = (lo[d] + hi[d]) / 2;
            double h = (hi[d] - lo[d]) / 2 * scale;
            lo[d] = c - h;
            hi[d] = c + h;
        }
        int nx = 161;
        int ny = 121;
        double[] pts = new double[2 * nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int k = i * ny + j;
                pts[2 * k] = lo[0] + i * (hi[0] - lo[0]) / (nx - 1);
                pts[2 * k + 1] = lo[1] + j * (hi[1] - lo[1]) / (ny - 1);
            }
        }
        double[] v = f.apply(Tensor.of(pts, nx * ny, 2));
        double[][] z = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            System.arraycopy(v, i * ny, z[i], 0, ny);
        }
        return new Grid(lo[0], hi[0], lo[1], hi[1], z);
    }

    static double nearest(double x, double y, double[] data) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.length / 2; i++) {
            double dx = x - data[2 * i];
            double dy = y - data[2 * i + 1];
            best = Math.min(best, dx * dx + dy * dy);
        }
        return Math.sqrt(best);
    }

    static double meanNearest(Tensor pts, double[] data) {
        double[] v = pts.toDoubleArray();
        double s = 0;
        for (int i = 0; i < pts.size(0); i++) {
            s += nearest(v[2 * i], v[2 * i + 1], data);
        }
        return s / pts.size(0);
    }

    private static double fractionNear(Tensor pts, double[] data, double radius) {
        double[] v = pts.toDoubleArray();
        int n = 0;
        for (int i = 0; i < pts.size(0); i++) {
            n += nearest(v[2 * i], v[2 * i + 1], data) <= radius ? 1 : 0;
        }
        return (double) n / pts.size(0);
    }

    private static double[] maxProbs(Tensor probs) {
        double[] r = OodScores.oneMinusMax(probs);
        for (int i = 0; i < r.length; i++) {
            r[i] = 1 - r[i];
        }
        return r;
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return a.length == 0 ? Double.NaN : s / a.length;
    }

    private static double[] exp(double[] a) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = Math.exp(a[i]);
        }
        return o;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
