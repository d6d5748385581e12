package org.occam.spark;

import org.occam.cli.sweep.SweepBackend;

/** Registers Spark as the backend of {@code ./occam sweep --spark} (META-INF/services). */
public final class SparkBackendProvider implements SweepBackend.Provider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepBackend open(String master) {
        return SparkBackend.open(master);
    }
}
