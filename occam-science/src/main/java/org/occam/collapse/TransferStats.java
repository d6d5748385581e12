package org.occam.collapse;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collapse on the source classes and transfer to target classes (METHODS §7.4, §11 NC-1).
 *
 * @param source  NC1, CDNV and NCC accuracy on the source (training) classes
 * @param link    the source embedding's GC and Poincaré bound, or null when not computed
 * @param target  the same measures on the held-out target classes, or null
 * @param fewShot k-shot NCC accuracy on the target classes, or null
 */
public record TransferStats(CollapseStats source, PoincareLink link, CollapseStats target, FewShotResult fewShot) implements Serializable {

    /**
     * The metrics row: nc1, cdnv, ncc_accuracy; with GC embedding_gc and gc_cdnv_bound (the mean of
     * (GC_i + GC_j)/(2‖μ_i − μ_j‖²)); with targets target_nc1, target_cdnv, target_ncc_accuracy,
     * fewshot_accuracy and fewshot_stderr.
     *
     * @return the values by metric name
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("nc1", source.nc1());
        m.put("cdnv", source.cdnv());
        m.put("ncc_accuracy", source.nccAccuracy());
        if (link != null) {
            m.put("embedding_gc", link.gc());
            m.put("gc_cdnv_bound", link.meanBound());
        }
        if (target != null) {
            m.put("target_nc1", target.nc1());
            m.put("target_cdnv", target.cdnv());
            m.put("target_ncc_accuracy", target.nccAccuracy());
        }
        if (fewShot != null) {
            m.put("fewshot_accuracy", fewShot.mean());
            m.put("fewshot_stderr", fewShot.stderr());
        }
        return m;
    }
}
