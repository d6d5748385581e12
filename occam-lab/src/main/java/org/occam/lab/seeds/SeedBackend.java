package org.occam.lab.seeds;

import java.io.Serializable;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Where a reproduction's seeds run when not on this JVM's pool: each seed one task (a
 * {@link SeedRun} shipped to a worker), each result sent back by Java serialization, so the
 * per-seed results have the bits of a local run. occam-spark provides one ({@code --spark}).
 */
public interface SeedBackend extends AutoCloseable {

    /** Opens a backend by name (META-INF/services). */
    interface Provider {
        /**
         * The name, e.g. "spark".
         *
         * @return the name
         */
        String name();

        /**
         * A backend on {@code master} (null: the one spark-submit configured).
         *
         * @param master the cluster master, e.g. "local[2]", or null
         * @return the open backend
         */
        SeedBackend open(String master);
    }

    /**
     * The results of {@code run} for every seed, in seed order; a failure in any seed is rethrown.
     *
     * @param <R>   the per-seed result
     * @param id    the reproduction's id (for the job's description)
     * @param seeds the seeds, in order
     * @param run   one seed's run, shipped to the workers
     * @return the results, in seed order
     */
    <R extends Serializable> List<R> run(String id, long[] seeds, SeedRun<R> run);

    /**
     * One line for logs, e.g. "Spark local[2]".
     *
     * @return the description
     */
    String describe();

    @Override
    void close();

    /**
     * The backend of that name when its module is on the class path, else null.
     *
     * @param name   the provider's name, e.g. "spark"
     * @param master the cluster master, or null
     * @return the open backend, or null
     */
    static SeedBackend open(String name, String master) {
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(name)) {
                return p.open(master);
            }
        }
        return null;
    }
}
