package org.occam.spark;

import org.occam.lab.seeds.SeedBackend;

/** Registers Spark as the backend of {@code ./occam reproduce NAME --spark} (META-INF/services). */
public final class SparkSeedsProvider implements SeedBackend.Provider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SeedBackend open(String master) {
        return SparkSeeds.open(master);
    }
}
