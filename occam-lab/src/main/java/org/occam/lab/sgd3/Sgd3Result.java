package org.occam.lab.sgd3;

import java.util.List;
import org.occam.lab.claim.ClaimResult;

/**
 * SGD-3's runs and claims.
 *
 * @param setting the setting
 * @param data    the data in words
 * @param runs    every run, seed-major, then arm
 * @param claims  the claims judged over seeds
 * @param seconds wall time of the whole reproduction
 */
public record Sgd3Result(Sgd3Setting setting, String data, List<Sgd3Run> runs, List<ClaimResult> claims,
                         double seconds) {
}
