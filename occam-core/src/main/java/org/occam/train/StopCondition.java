package org.occam.train;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
 * condition's key (a monitor off its period, evaluation not due) never meets it. The row is checked
 * as it fills: once with the step's loss, again after each monitor and after the evaluation, and a
 * row that meets the condition is measured no further (the run does not go on from that iterate).
 *
 * <p>A condition <em>decides</em> a row that holds what it reads ({@link #decides}); the trainer
 * keeps the last decided row before the end and its parameters ({@link Trainer.Result#previous()}),
 * e.g. the last iterate above a loss target, so a caller can interpolate across the crossing step.
 * A reason that starts with {@link #DIVERGED} ({@link #diverged}) ends the run as diverged.
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

    /** The start of every reason that ends a run as {@link RunStatus.State#DIVERGED} rather than stopped. */
    String DIVERGED = "diverged: ";

    /**
     * Whether this row holds what the condition reads (default: every row does); the trainer keeps
     * the last such row before the end as {@link Trainer.Result#previous()}.
     *
     * @param row the metrics row of a step
     * @return whether the condition decides on it
     */
    default boolean decides(Map<String, Object> row) {
        return true;
    }

    /**
     * Met by a row whose number {@code key} is non-finite or above {@code bound}: the run ends as
     * diverged (its reason starts with {@link #DIVERGED}).
     *
     * @param key the metric's name in the row, e.g. train_loss
     * @param bound the largest value that does not count as diverged
     * @return the condition
     */
    static StopCondition diverged(String key, double bound) {
        checked(key, bound);
        return of(row -> row.get(key) instanceof Number n && (!Double.isFinite(n.doubleValue()) || n.doubleValue() > bound)
                ? Optional.of(DIVERGED + key + " " + n + (Double.isFinite(n.doubleValue()) ? " > " + bound : ""))
                : Optional.empty(), row -> row.get(key) instanceof Number);
    }

    /**
     * Met by the row of step {@code budget} or later: a step budget (use {@link #onlyWith} to spend it
     * only at rows that hold a measurement, e.g. epoch ends).
     *
     * @param budget the number of updates allowed
     * @return the condition
     */
    static StopCondition steps(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("step budget must be >= 0, got " + budget);
        }
        return row -> row.get("step") instanceof Number n && n.longValue() >= budget
                ? Optional.of("step budget " + budget + " spent") : Optional.empty();
    }

    /**
     * Whether a reason ends the run as diverged.
     *
     * @param reason a condition's reason
     * @return whether it starts with {@link #DIVERGED}
     */
    static boolean divergence(String reason) {
        return reason.startsWith(DIVERGED);
    }

    /**
     * This condition, on rows that hold a number under {@code key} only (and it decides only those).
     *
     * @param key the metric that must be present
     * @return the restricted condition
     */
    default StopCondition onlyWith(String key) {
        checked(key, 0);
        return of(row -> row.get(key) instanceof Number ? check(row) : Optional.empty(),
                row -> row.get(key) instanceof Number && decides(row));
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
        return of(row -> row.get(key) instanceof Number n && n.doubleValue() <= target
                ? Optional.of(key + " " + n + " <= " + target) : Optional.empty(), row -> row.get(key) instanceof Number);
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
        return of(row -> row.get(key) instanceof Number n && n.doubleValue() >= target
                ? Optional.of(key + " " + n + " >= " + target) : Optional.empty(), row -> row.get(key) instanceof Number);
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
        return of(row -> check(row).or(() -> other.check(row)), row -> decides(row) || other.decides(row));
    }

    /**
     * Met when this condition and {@code other} both are (both reasons).
     *
     * @param other the other condition
     * @return the conjunction
     */
    default StopCondition and(StopCondition other) {
        return of(row -> check(row).flatMap(a -> other.check(row).map(b -> a + " and " + b)),
                row -> decides(row) && other.decides(row));
    }

    /** A condition from its check and the rows it decides. */
    private static StopCondition of(Function<Map<String, Object>, Optional<String>> check,
                                    Predicate<Map<String, Object>> decides) {
        return new StopCondition() {
            @Override
            public Optional<String> check(Map<String, Object> row) {
                return check.apply(row);
            }

            @Override
            public boolean decides(Map<String, Object> row) {
                return decides.test(row);
            }
        };
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
