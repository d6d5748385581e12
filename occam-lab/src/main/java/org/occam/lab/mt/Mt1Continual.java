package org.occam.lab.mt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.occam.autodiff.Params;
import org.occam.multitask.BracketCorrection;
import org.occam.multitask.Forgetting;
import org.occam.multitask.MultitaskGd;
import org.occam.multitask.Task;
import org.occam.multitask.TaskSchedule;

/**
 * MT-1's continual arm (METHODS §6, §2.1): at one rate h, S steps of each schedule on the two
 * tasks: joint (S/2 steps, each task then gets S/2 gradients like in the others), sequential (A for
 * S/2 steps, then B: task A's forgetting curve), alternating in blocks of p steps (forgetting per B
 * block), and alternating A, B, A, B ... with the Lie-bracket norm ‖[∇L_A, ∇L_B]‖ along the run.
 * The bracket makes alternating training order dependent at O(h²) per pass; the
 * {@link BracketCorrection} removes that, so A-first and B-first runs should stay closer.
 */
public final class Mt1Continual {

    /**
     * One schedule's run.
     *
     * @param label    e.g. "sequential A then B"
     * @param schedule which task each step trains on
     * @param result   the run (records with bracket norms)
     * @param seconds  wall time
     */
    public record Run(String label, TaskSchedule schedule, MultitaskGd.Result result, double seconds) {

        /**
         * The mean bracket norm over the records.
         *
         * @return the mean bracket norm
         */
        public double meanBracket() {
            double s = 0;
            for (MultitaskGd.Row r : result.rows()) {
                s += r.metrics().brackets()[0][1];
            }
            return s / result.rows().size();
        }
    }

    /**
     * The distance between A-first and B-first alternating runs after some passes.
     *
     * @param passes    A, B passes done
     * @param plain     ‖θ_AB − θ_BA‖ without correction
     * @param corrected the same with the bracket correction
     */
    public record OrderGap(int passes, double plain, double corrected) {
    }

    /**
     * The arm's results.
     *
     * @param runs              joint, sequential, alternating in blocks, alternating A, B
     * @param sequentialForgetting task A during the B phase of the sequential run
     * @param blockForgetting   task A during each B block of the block-alternating run
     * @param gaps              order dependence with and without the bracket correction
     */
    public record Result(List<Run> runs, Forgetting.Summary sequentialForgetting, List<Forgetting.Summary> blockForgetting,
                         List<OrderGap> gaps) {
    }

    private Mt1Continual() {
    }

    static Result run(Mt1.Settings s, Mt1.Problem p, Consumer<String> log) {
        double h = s.continualLr();
        int steps = s.continualSteps();
        int half = steps / 2;
        int every = gcd(s.period(), Math.max(1, steps / 200));
        List<Run> runs = new ArrayList<>();
        runs.add(train("joint", p.tasks(), TaskSchedule.joint(2), h, half, every, null, p.init()));
        TaskSchedule sequential = TaskSchedule.sequential(half, steps - half);
        runs.add(train("sequential A then B", p.tasks(), sequential, h, steps, every, null, p.init()));
        TaskSchedule blocks = TaskSchedule.alternating(2, s.period());
        runs.add(train("alternating, blocks of " + s.period(), p.tasks(), blocks, h, steps, every, null, p.init()));
        runs.add(train("alternating A, B", p.tasks(), TaskSchedule.alternating(2, 1), h, steps, every, null, p.init()));
        Forgetting.Summary seq = Forgetting.summarize(Forgetting.lossCurve(runs.get(1).result().rows(), 0, half, steps));
        List<Forgetting.Summary> perBlock = new ArrayList<>();
        for (long start = s.period(); start + s.period() <= steps; start += 2L * s.period()) {
            perBlock.add(Forgetting.summarize(Forgetting.lossCurve(runs.get(2).result().rows(), 0, start, start + s.period())));
        }
        for (Run r : runs) {
            MultitaskGd.Row last = r.result().rows().getLast();
            log.accept(String.format(Locale.ROOT, "%-26s %5d steps  L_A %.4g  L_B %.4g  mean |[grad L_A, grad L_B]| %.4g"
                    + "  [%.1fs]", r.label(), r.result().steps(), last.metrics().losses()[0], last.metrics().losses()[1],
                    r.meanBracket(), r.seconds()));
        }
        double blockMax = 0;
        for (Forgetting.Summary b : perBlock) {
            blockMax = Math.max(blockMax, b.maxDrop());
        }
        log.accept(String.format(Locale.ROOT, "forgetting of A: sequential max rise %.4g (final %.4g) over %d B steps; blocks"
                + " of %d: max rise per B block %.4g", seq.maxDrop(), seq.finalDrop(), steps - half, s.period(), blockMax));
        List<OrderGap> gaps = orderGaps(p, h, new int[] {1, 10, 100});
        for (OrderGap g : gaps) {
            log.accept(String.format(Locale.ROOT, "A-first vs B-first alternating after %3d passes: |theta_AB - theta_BA| = %.3e"
                    + " plain, %.3e with the bracket correction", g.passes(), g.plain(), g.corrected()));
        }
        return new Result(List.copyOf(runs), seq, List.copyOf(perBlock), gaps);
    }

    private static Run train(String label, List<Task> tasks, TaskSchedule schedule, double h, long steps, int every,
                             java.util.function.Function<Params, Params> correction, Params init) {
        long t0 = System.nanoTime();
        MultitaskGd.Setup setup = MultitaskGd.Setup.gd(tasks, schedule, h, steps, every).withBrackets(true)
                .withCorrection(correction);
        return new Run(label, schedule, MultitaskGd.run(setup, init), (System.nanoTime() - t0) / 1e9);
    }

    /** ‖θ_AB − θ_BA‖ after the given numbers of A, B passes, without and with the bracket correction. */
    static List<OrderGap> orderGaps(Mt1.Problem p, double h, int[] passes) {
        List<Task> ab = p.tasks();
        List<Task> ba = List.of(ab.get(1), ab.get(0));
        int[] order = {0, 1};
        List<OrderGap> out = new ArrayList<>();
        for (int n : passes) {
            double[] d = new double[2];
            for (int c = 0; c < 2; c++) {
                Params x = alternate(ab, order, h, n, c == 1, p.init());
                Params y = alternate(ba, order, h, n, c == 1, p.init());
                d[c] = Math.sqrt(x.sub(y).normSquared().item());
            }
            out.add(new OrderGap(n, d[0], d[1]));
        }
        return out;
    }

    private static Params alternate(List<Task> tasks, int[] order, double h, int passes, boolean corrected, Params init) {
        MultitaskGd.Setup s = MultitaskGd.Setup.gd(tasks, TaskSchedule.alternating(2, 1), h, 2L * passes, 2 * passes);
        if (corrected) {
            s = s.withCorrection(BracketCorrection.field(Task.losses(tasks), order, h));
        }
        return MultitaskGd.run(s, init).params();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
