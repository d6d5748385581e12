/**
 * {@code occam dashboard}: a local web page over a run store that lists runs and sweeps with their
 * status and draws live, overlaid charts of their metrics. It only reads the store.
 */
package org.occam.cli.dashboard;
