package org.occam.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Monitor;

/**
 * Training-loop monitors for the measured quantities, each on a fixed evaluation subset of the
 * training set (the same rows every time, chosen by a seed) and with its own period: the cost
 * budget is "every N steps on n examples".
 */
public final class Monitors {
    private Monitors() {
    }

    /** The first {@code n} rows of a seeded permutation of the training set (all rows if n ≥ N). */
    static Batch evalBatch(Dataset train, int n, long seed) {
        return new TrainingSubset(n, seed).batch(train);
    }

    private abstract static class OnSubset implements Monitor {
        private final int every;
        private final TrainingSubset subset;

        OnSubset(int every, int examples, long seed) {
            if (every <= 0 || examples <= 0) {
                throw new IllegalArgumentException("monitor period and example count must be positive, got every="
                        + every + ", examples=" + examples);
            }
            this.every = every;
            this.subset = new TrainingSubset(examples, seed);
        }

        @Override
        public int every() {
            return every;
        }

        Batch batch(Dataset train) {
            return subset.batch(train);
        }

        Function<Params, Tensor> loss(Context ctx) {
            Batch b = batch(ctx.train());
            return p -> ctx.objective().loss(p, b);
        }
    }

    /**
     * grad_norm (‖g‖), r_ig (‖g‖²/m) and drift_ratio (‖Hg‖/‖g‖) on the subset.
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @return the monitor
     */
    public static Monitor gradients(int every, int examples) {
        return new OnSubset(every, examples, 0) {
            @Override
            public Map<String, Double> measure(Context ctx) {
                Function<Params, Tensor> f = loss(ctx);
                double g2 = GradientStats.gradNormSquared(f, ctx.params());
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("grad_norm", Math.sqrt(g2));
                m.put("r_ig", g2 / ctx.params().numel());
                m.put("drift_ratio", GradientStats.driftRatio(f, ctx.params()));
                return m;
            }
        };
    }

    /**
     * sharpness: λ_max of the loss Hessian by Lanczos ({@code steps} HVPs), plus the 2/h line.
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @param steps Lanczos steps
     * @return the monitor
     */
    public static Monitor sharpness(int every, int examples, int steps) {
        return new OnSubset(every, examples, 0) {
            @Override
            public Map<String, Double> measure(Context ctx) {
                Spectrum s = Hessians.lanczos(loss(ctx), ctx.params(), 1, steps, Rng.seed(ctx.step()));
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("sharpness", s.eigenvalues()[0]);
                if (Double.isFinite(ctx.lr()) && ctx.lr() > 0) {
                    m.put("two_over_lr", 2 / ctx.lr());
                }
                return m;
            }
        };
    }

    /**
     * sharpness by Lanczos run to the relative residual {@code tol} (0: {@link Tolerance#eigen} for
     * the parameters' dtype) with at most {@code steps} steps (docs/curvature.md), plus
     * sharpness_residual (‖Hv − λv‖/|λ|, explicit), sharpness_converged (1 or 0: 0 is the warning
     * that the cap stopped Lanczos first), sharpness_steps and the 2/h line.
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @param steps the most Lanczos steps
     * @param tol the relative residual (0: the dtype's default)
     * @return the monitor
     */
    public static Monitor sharpness(int every, int examples, int steps, double tol) {
        return new OnSubset(every, examples, 0) {
            @Override
            public Map<String, Double> measure(Context ctx) {
                Tolerance t = tol > 0 ? new Tolerance(tol, steps) : Tolerance.eigen(ctx.params().dtype()).withCap(steps);
                Eigenpairs e = Hessians.eigenpairs(loss(ctx), ctx.params(), 1, 0, t, Rng.seed(ctx.step()));
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("sharpness", e.top().eigenvalue(0));
                m.put("sharpness_residual", e.worstRelativeResidual());
                m.put("sharpness_converged", e.converged() ? 1.0 : 0.0);
                m.put("sharpness_steps", (double) e.steps());
                if (Double.isFinite(ctx.lr()) && ctx.lr() > 0) {
                    m.put("two_over_lr", 2 / ctx.lr());
                }
                return m;
            }
        };
    }

    /**
     * Per-block curvature (docs/curvature.md, "blocks"): for each parameter group l,
     * block_trace_l and block_lmax_l of the diagonal Hessian block H_ll, exact when the block has
     * at most {@code denseLimit} parameters, else by converged Lanczos and sequential Hutchinson,
     * with block_converged_l (1 or 0: 0 warns that a cap stopped an estimate first).
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @param grouping by parameter or by layer
     * @param denseLimit the largest block measured exactly
     * @param eig the eigenvalue tolerance of the larger blocks
     * @param trace the trace tolerance of the larger blocks
     * @return the monitor
     */
    public static Monitor blocks(int every, int examples, HessianBlocks.Grouping grouping, int denseLimit,
            Tolerance eig, Tolerance trace) {
        return new OnSubset(every, examples, 0) {
            @Override
            public Map<String, Double> measure(Context ctx) {
                LinearOperator h = LinearOperator.hessian(loss(ctx), ctx.params());
                Map<String, Double> m = new LinkedHashMap<>();
                for (BlockSpectrum b : BlockSpectrum.measure(h, grouping, 1, denseLimit, eig, trace, Rng.seed(ctx.step()))) {
                    String key = b.name().replaceAll("[^A-Za-z0-9]", "_");
                    m.put("block_trace_" + key, b.trace().mean());
                    m.put("block_lmax_" + key, b.top().eigenvalue(0));
                    m.put("block_converged_" + key, b.warning().isEmpty() ? 1.0 : 0.0);
                }
                return m;
            }
        };
    }

    /**
     * hessian_trace by Hutchinson drawn until its standard error is {@code relSe}·|trace| or
     * {@code probes} probes (docs/curvature.md), with hessian_trace_stderr, hessian_trace_probes and
     * hessian_trace_converged (1 or 0: 0 warns that the probe cap stopped it first).
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @param probes the most probes
     * @param relSe the relative standard error to reach
     * @return the monitor
     */
    public static Monitor hessianTrace(int every, int examples, int probes, double relSe) {
        return new OnSubset(every, examples, 0) {
            @Override
            public Map<String, Double> measure(Context ctx) {
                SequentialEstimate e = Hessians.hutchinsonTrace(LinearOperator.hessian(loss(ctx), ctx.params()),
                        new Tolerance(relSe, probes), Rng.seed(ctx.step()));
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("hessian_trace", e.estimate().mean());
                m.put("hessian_trace_stderr", e.estimate().stderr());
                m.put("hessian_trace_probes", (double) e.estimate().samples());
                m.put("hessian_trace_converged", e.converged() ? 1.0 : 0.0);
                return m;
            }
        };
    }

    /**
     * hessian_trace by Hutchinson with its standard error.
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @param probes the number of probes
     * @return the monitor
     */
    public static Monitor hessianTrace(int every, int examples, int probes) {
        return new OnSubset(every, examples, 0) {
            @Override
            public Map<String, Double> measure(Context ctx) {
                Estimate e = Hessians.hutchinsonTrace(loss(ctx), ctx.params(), probes, Rng.seed(ctx.step()));
                return Map.of("hessian_trace", e.mean(), "hessian_trace_stderr", e.stderr());
            }
        };
    }

    /**
     * gc: exact geometric complexity of the logits on the subset (METHODS §7.2).
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @return the monitor
     */
    public static Monitor geometricComplexity(int every, int examples) {
        return new OnSubset(every, examples, 1) {
            @Override
            public Map<String, Double> measure(Context ctx) {
                Batch b = batch(ctx.train());
                return Map.of("gc", GeometricComplexity.exact(ctx.model(), ctx.params(), b.x()).item());
            }
        };
    }
}
