package org.occam.train;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When a run ends early: a test of each step's metrics row, whose answer is the reason the run
 * stops (e.g. {@code train_loss 0.0098 <= 0.01}) or empty to go on.
 *
 * <p>The {@link Trainer} checks the row of step s after its monitors and evaluation, i.e. at the
 * parameters before update s, and also the final row (step = steps). A run stopped at step s
 * returns those parameters (s updates done, update s not applied), the state that goes with them
 * and {@link RunStatus.State#STOPPED} at step s. A condition that reads only the row stops a
 * resumed run at the same step with the same bits as an uninterrupted one; a row that lacks a
 * condition's key (a monitor off its period, evaluation not due) never meets it.
 */
@FunctionalInterface
public interface StopCondition {

    /**
     * The reason this row ends the run, or empty when the run goes on.
     *
     * @param row the metrics row of this step
     * @return the reason, or empty
     */
    Optional<String> check(Map<String, Object> row);

    /**
     * A condition no row meets (the default: every run goes to its step budget).
     *
     * @return that condition
     */
    static StopCondition never() {
        return row -> Optional.empty();
    }

    /**
     * Any predicate over the row (a monitor's verdict), named for the run's status.
     *
     * @param name the reason given when it is met
     * @param test the predicate over a metrics row
     * @return the condition
     */
    static StopCondition when(String name, Predicate<Map<String, Object>> test) {
        if (name == null || name.isBlank() || test == null) {
            throw new IllegalArgumentException("a stop condition needs a name and a test of the row");
        }
        return row -> test.test(row) ? Optional.of(name) : Optional.empty();
    }

    /**
     * Met by a row whose number {@code key} is at most {@code target} (NaN never is).
     *
     * @param key the metric's name in the row
     * @param target the threshold
     * @return the condition
     */
    static StopCondition atMost(String key, double target) {
        checked(key, target);
        return row -> row.get(key) instanceof Number n && n.doubleValue() <= target
                ? Optional.of(key + " " + n + " <= " + target) : Optional.empty();
    }

    /**
     * Met by a row whose number {@code key} is at least {@code target} (NaN never is).
     *
     * @param key the metric's name in the row
     * @param target the threshold
     * @return the condition
     */
    static StopCondition atLeast(String key, double target) {
        checked(key, target);
        return row -> row.get(key) instanceof Number n && n.doubleValue() >= target
                ? Optional.of(key + " " + n + " >= " + target) : Optional.empty();
    }

    /**
     * The mean training loss (the trainer's or a monitor's {@code train_loss}) reached the target.
     *
     * @param target the training loss to reach
     * @return the condition
     */
    static StopCondition trainLoss(double target) {
        return atMost("train_loss", target);
    }

    /**
     * The training accuracy ({@code train_accuracy}) reached the target, e.g. 1 for every example fitted.
     *
     * @param target the training accuracy to reach
     * @return the condition
     */
    static StopCondition trainAccuracy(double target) {
        return atLeast("train_accuracy", target);
    }

    /**
     * Met when this condition or {@code other} is (this one's reason first).
     *
     * @param other the other condition
     * @return the disjunction
     */
    default StopCondition or(StopCondition other) {
        return row -> check(row).or(() -> other.check(row));
    }

    /**
     * Met when this condition and {@code other} both are (both reasons).
     *
     * @param other the other condition
     * @return the conjunction
     */
    default StopCondition and(StopCondition other) {
        return row -> check(row).flatMap(a -> other.check(row).map(b -> a + " and " + b));
    }

    private static void checked(String key, double target) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a stop condition needs the metric key it reads, e.g. train_loss");
        }
        if (Double.isNaN(target)) {
            throw new IllegalArgumentException("stop target for '" + key + "' must be a number, got NaN");
        }
    }
}
