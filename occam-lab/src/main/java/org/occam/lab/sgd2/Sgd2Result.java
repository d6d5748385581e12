package org.occam.lab.sgd2;

import java.util.List;
import org.occam.lab.claim.ClaimResult;

/**
 * SGD-2's runs and claims.
 *
 * @param setting  the setting
 * @param data     the data in words
 * @param runs     every run, seed-major, then ratio, then batch size
 * @param claims   the claims judged over seeds
 * @param seconds  wall time of the whole reproduction
 */
public record Sgd2Result(Sgd2Setting setting, String data, List<Sgd2Run> runs, List<ClaimResult> claims,
                         double seconds) {
}
