package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.tensor.Rng;

/** Hutchinson's trace estimator is unbiased and reports an honest standard error. */
class HutchinsonTraceTest {

    @Test
    void unbiasedWithHonestStandardError() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        LinearOperator op = LinearOperator.hessian(pr.loss(), pr.p());
        double exact = MeasureFixtures.trace(Hessians.denseMatrix(op));
        int runs = 200;
        int probes = 25;
        double[] means = new double[runs];
        double sumVar = 0;
        long before = op.applications();
        for (int s = 0; s < runs; s++) {
            Estimate e = Hessians.hutchinsonTrace(op, probes, Rng.seed(1000 + s));
            assertEquals(probes, e.samples());
            assertEquals(probes, e.cost());
            means[s] = e.mean();
            sumVar += e.stderr() * e.stderr();
        }
        assertEquals((long) runs * probes, op.applications() - before);
        Estimate overall = Estimate.of(means, 0);
        assertTrue(Math.abs(overall.mean() - exact) <= 4 * overall.stderr(),
                "mean " + overall.mean() + " vs exact " + exact + " (se " + overall.stderr() + ")");
        // the spread of the estimates matches the root-mean-square of the reported standard errors
        double empiricalSd = overall.stderr() * Math.sqrt(runs);
        double reportedSd = Math.sqrt(sumVar / runs);
        double ratio = empiricalSd / reportedSd;
        assertTrue(ratio > 0.8 && ratio < 1.25, "empirical sd " + empiricalSd + " vs reported " + reportedSd);
        // the estimator actually varies: a constant estimator would pass the first check trivially
        assertTrue(empiricalSd > 1e-3 * Math.abs(exact));
    }

    @Test
    void facadeFromLossCountsProbes() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(8);
        Estimate e = Hessians.hutchinsonTrace(pr.loss(), pr.p(), 5, Rng.seed(1));
        assertEquals(5, e.cost());
        assertTrue(e.stderr() > 0);
    }
}
