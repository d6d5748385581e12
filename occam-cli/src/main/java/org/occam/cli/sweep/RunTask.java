package org.occam.cli.sweep;

import java.io.Serializable;

/**
 * What a worker needs to do one run of a sweep, as plain strings so that it travels to Spark
 * executors: the sweep folder, the run's index and id (its folder name), and its resolved config
 * as YAML ({@link org.occam.cli.config.ConfigWriter}).
 *
 * @param sweepDir   the sweep folder, absolute
 * @param index      the run's position in the sweep
 * @param id         the run's id and folder name
 * @param configYaml the complete config of the run
 */
public record RunTask(String sweepDir, int index, String id, String configYaml) implements Serializable {
    private static final long serialVersionUID = 1L;
}
