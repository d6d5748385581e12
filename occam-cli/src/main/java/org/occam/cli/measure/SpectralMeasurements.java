package org.occam.cli.measure;

import java.util.List;
import java.util.stream.Stream;
import org.occam.tensor.Rng;

/**
 * The curvature metrics of {@code occam measure} (docs/curvature.md): Hessian eigenvalues from one
 * shared Lanczos run, the Hutchinson trace, the SLQ density and the Gauss-Newton eigenvalues.
 */
public final class SpectralMeasurements {
    private SpectralMeasurements() {
    }

    private static final List<String> TOP = List.of("top_eigenvalues", "top_residuals", "top_converged", "lanczos");
    private static final List<String> GGN = List.of("ggn_top_eigenvalues", "ggn_top_residuals", "ggn_top_converged",
            "ggn_lanczos", "ggn_sharpness");

    /** sharpness λ_max, with the Lanczos run's top eigenvalue, residual and flag. */
    public static final Measurement SHARPNESS = Measurement.anywhere(join(List.of("sharpness"), TOP),
            (run, k) -> run.put("sharpness", run.lanczos().top().eigenvalue(0)));

    /** top_eigenvalues:K with residuals and flags. */
    public static final Measurement TOP_EIGENVALUES = Measurement.anywhere(TOP, (run, k) -> run.lanczos()).withCount();

    /** bottom_eigenvalues:K with residuals and flags (the same Lanczos run also gives the top one). */
    public static final Measurement BOTTOM_EIGENVALUES = Measurement.anywhere(join(List.of("bottom_eigenvalues",
            "bottom_residuals", "bottom_converged"), TOP), (run, k) -> run.lanczos()).withCount();

    /** hessian_trace by Hutchinson to --rel-se, seeded by seed + 1. */
    public static final Measurement HESSIAN_TRACE = Measurement.anywhere(List.of("hessian_trace", "hessian_trace_stderr",
            "hessian_trace_probes"), (run, k) -> run.curvature().trace("hessian_trace", run.hessian(),
                    Rng.seed(run.options().seed() + 1), run.out()));

    /** density: the SLQ spectral density, written to files, seeded by seed + 3. */
    public static final Measurement DENSITY = Measurement.local(List.of("density", "density_trace", "density_trace_stderr",
            "density_files"), (run, k) -> run.curvature().density(run.hessian(), run.options().sigma(),
                    run.options().densityOut(), Rng.seed(run.options().seed() + 3), run.out()));

    /** ggn_sharpness: the Gauss-Newton matrix's λ_max. */
    public static final Measurement GGN_SHARPNESS = Measurement.local(GGN, (run, k) -> run.gaussNewton());

    /** ggn_top_eigenvalues:K. */
    public static final Measurement GGN_TOP_EIGENVALUES = Measurement.local(GGN, (run, k) -> run.gaussNewton()).withCount();

    private static List<String> join(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
