package org.occam.cli.config;

import java.util.List;
import org.occam.data.Dataset;
import org.occam.data.Synthetic;
import org.occam.multitask.MultitaskData;
import org.occam.tensor.Rng;

/**
 * Synthetic data sets by name, written in a config as a mapping:
 * {@code data: {train: {name: two_moons, n: 512, noise: 0.1}}}. The factory gets the seeded
 * {@link Rng} of the data section.
 *
 * <p>To add one: a {@code register(name, doc, params, factory)} call in the chain below (see
 * {@link RegularizerRegistry} for a worked example).
 */
public final class SyntheticDataRegistry {
    private SyntheticDataRegistry() {
    }

    private static Param n(long def) {
        return Param.positiveInt("n", def, "number of samples");
    }

    private static Param noise(double def) {
        return Param.nonNegative("noise", def, "Gaussian noise standard deviation");
    }

    /**
     * two_moons, spirals, rings, gaussian_mixture, sine, linearly_separable, teacher_student, teacher_student_regression,
     * multitask_regression.
     */
    public static final Registry<Rng, Dataset> REGISTRY = new Registry<Rng, Dataset>("synthetic data set")
            .register("two_moons", "two interleaving half circles in 2-D, 2 classes", List.of(n(512), noise(0.1)),
                    (c, rng) -> Synthetic.twoMoons(c.integer("n"), c.num("noise"), rng))
            .register("spirals", "interleaved spirals in 2-D, one class per arm",
                    List.of(n(512), Param.positiveInt("arms", 2L, "number of arms (classes)"), noise(0.05)),
                    (c, rng) -> Synthetic.spirals(c.integer("n"), c.integer("arms"), c.num("noise"), rng))
            .register("rings", "concentric circles in 2-D, one class per ring",
                    List.of(n(512), Param.positiveInt("rings", 2L, "number of rings (classes)"), noise(0.05)),
                    (c, rng) -> Synthetic.rings(c.integer("n"), c.integer("rings"), c.num("noise"), rng))
            .register("gaussian_mixture", "k unit-variance Gaussians in d dimensions, means ~ N(0, separation²)",
                    List.of(n(512), Param.positiveInt("k", 3L, "components (classes)"), Param.positiveInt("d", 2L, "dimension"),
                            Param.nonNegative("separation", 3.0, "spread of the means")),
                    (c, rng) -> Synthetic.gaussianMixture(c.integer("n"), c.integer("k"), c.integer("d"),
                            c.num("separation"), rng))
            .register("sine", "1-D regression: sin(x) + noise on [-π, π]", List.of(n(256), noise(0.1)),
                    (c, rng) -> Synthetic.sine(c.integer("n"), c.num("noise"), rng))
            .register("linearly_separable", "Gaussian points pushed `margin` away from a random hyperplane, 2 classes",
                    List.of(n(512), Param.positiveInt("d", 2L, "dimension"), Param.nonNegative("margin", 0.1, "margin")),
                    (c, rng) -> Synthetic.linearlySeparable(c.integer("n"), c.integer("d"), c.num("margin"), rng))
            .register("teacher_student", "labels from a random tanh teacher network",
                    List.of(n(1024), Param.positiveInt("inputs", 10L, "input dimension"),
                            Param.positiveInt("hidden", 32L, "teacher width"), Param.positiveInt("classes", 2L, "classes")),
                    (c, rng) -> Synthetic.teacherStudent(c.integer("n"), c.integer("inputs"), c.integer("hidden"),
                            c.integer("classes"), rng))
            .register("teacher_student_regression", "targets from a random tanh teacher network plus noise",
                    List.of(n(1024), Param.positiveInt("inputs", 10L, "input dimension"),
                            Param.positiveInt("hidden", 32L, "teacher width"), Param.positiveInt("outputs", 1L, "outputs"),
                            noise(0.1)),
                    (c, rng) -> Synthetic.teacherStudentRegression(c.integer("n"), c.integer("inputs"), c.integer("hidden"),
                            c.integer("outputs"), c.num("noise"), rng))
            .register("multitask_regression", "K related tanh teachers on shared inputs, one target column (task) each"
                    + " (METHODS §6)",
                    List.of(n(512), Param.positiveInt("inputs", 8L, "input dimension"),
                            Param.positiveInt("hidden", 16L, "teacher width"), Param.positiveInt("tasks", 2L, "tasks K"),
                            Param.numberIn("relatedness", 0.0, -1, 1, "ρ: 1 the teachers share features, 0 independent"),
                            noise(0.1)),
                    (c, rng) -> MultitaskData.relatedTeachers(c.integer("n"), c.integer("inputs"),
                            c.integer("hidden"), c.integer("tasks"), c.num("relatedness"), c.num("noise"), rng));
}
