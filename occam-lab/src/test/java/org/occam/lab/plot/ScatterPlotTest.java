package org.occam.lab.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScatterPlotTest {
    @Test
    void labelledGroupsRender() {
        Plot p = new ScatterPlot("Test accuracy vs GC").xLabel("GC").yLabel("test accuracy")
                .add("lr = 0.01", new double[] {1, 2, 3}, new double[] {0.90, 0.91, 0.88}, new String[] {"r1", "r2", "r3"})
                .add("lr = 0.1", new double[] {0.5, 1.2, Double.NaN}, new double[] {0.95, 0.94, 0.5}, null)
                .plot();
        ImageChecks.assertDrawn(p.png(), 800, 500, 20);
    }

    @Test
    void mismatchedLabelsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ScatterPlot("x").add("g", new double[] {1, 2}, new double[] {1, 2}, new String[] {"a"}));
    }
}
