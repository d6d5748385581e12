package org.occam.train;

import java.util.Map;
import java.util.Optional;
import org.occam.autodiff.Params;
import org.occam.nn.ModelState;
import org.occam.optim.OptState;

/** How the {@link Trainer} ends a run whose row meets its {@link StopCondition}. */
final class Stopping {
    private Stopping() {
    }

    /**
     * Ends the run at {@code step}: the row, marked {@code status = stopped} (or {@code diverged} for a
     * {@link StopCondition#DIVERGED} reason), goes to the sink; the parameters before update
     * {@code step} (with their optimizer state and buffers) are checkpointed as step {@code step}
     * unless already saved or diverged, and returned with the previous decided row.
     */
    static Trainer.Result stop(Trainer.Setup s, Map<String, Object> row, long step, String why, Params params, OptState opt,
                               ModelState state, long lastSaved, Trainer.Previous previous) {
        boolean diverged = StopCondition.divergence(why);
        row.put("status", diverged ? "diverged" : "stopped");
        s.sink().accept(row);
        if (!diverged && s.checkpoints() != null && step != lastSaved) {
            s.checkpoints().save(step, params, state, opt);
        }
        RunStatus status = diverged ? RunStatus.diverged(step, why) : RunStatus.stopped(step, why);
        return new Trainer.Result(params, opt, status, row, state, Optional.ofNullable(previous));
    }

    /** The status of a run that reached its final row: stopped at {@code steps} if that row meets the condition (and is marked so), else completed. */
    static RunStatus status(StopCondition stop, Map<String, Object> last, long steps) {
        Optional<String> why = stop.check(last);
        if (why.isEmpty()) {
            return RunStatus.completed(steps);
        }
        boolean diverged = StopCondition.divergence(why.get());
        last.put("status", diverged ? "diverged" : "stopped");
        return diverged ? RunStatus.diverged(steps, why.get()) : RunStatus.stopped(steps, why.get());
    }
}
