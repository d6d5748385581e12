package org.occam.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.occam.cli.config.ConfigException;
import org.occam.cli.config.Configs;
import org.occam.cli.config.LearningRateRegistry;
import org.occam.cli.run.Experiment;
import org.occam.lr.CorridorLearningRate;
import org.occam.lr.DriftAdaptiveLearningRate;
import org.occam.train.Trainer;

/** dal, clr and polyak in the lr registry: schemas, defaults, and a config that trains with them. */
class LrRulesRegistryTest {

    static final String BASE = """
            model: mlp:64-16-10:tanh
            data: {train: 'digits:train[:200]'}
            lr: 0.1
            train: {batch_size: full, steps: 8, eval_every: 0}
            """;

    static Experiment build(String... sets) {
        return Experiment.build(Configs.parse(BASE, "t", "t", Path.of("."), List.of(sets)));
    }

    static List<Map<String, Object>> train(Experiment ex) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.run(ex.setup(rows::add, null));
        return rows;
    }

    @Test
    void rulesAreRegisteredWithDefaults() {
        assertTrue(LearningRateRegistry.REGISTRY.names().containsAll(List.of("dal", "clr", "polyak")));
        Map<String, Object> dal = LearningRateRegistry.REGISTRY.defaults("dal").params();
        assertEquals(1.0, dal.get("power"));
        assertEquals(5.0, dal.get("max_lr"));
        assertEquals("exact", dal.get("hvp"));
        assertEquals(0.01, dal.get("fd_step"));
        assertEquals(false, dal.get("normalized"));
        DriftAdaptiveLearningRate normalized = assertInstanceOf(DriftAdaptiveLearningRate.class,
                build("lr={name: dal, power: 2, normalized: true}").lr());
        assertTrue(normalized.settings().normalized() && normalized.describe().contains("v/v_0"));
        assertEquals(10.0, LearningRateRegistry.REGISTRY.defaults("clr").params().get("max_lr"));
        assertEquals(0.0, LearningRateRegistry.REGISTRY.defaults("polyak").params().get("min_loss"));
    }

    @Test
    void dalFromAConfigTrainsAtTwoOverDrift() {
        Experiment ex = build("lr={name: dal, power: 1, hvp: finite_difference, max_lr: 50}");
        DriftAdaptiveLearningRate dal = assertInstanceOf(DriftAdaptiveLearningRate.class, ex.lr());
        List<Map<String, Object>> rows = train(ex);
        assertEquals(9, rows.size());
        DriftAdaptiveLearningRate.Observation o = dal.last();
        assertEquals(7, o.step());
        assertEquals(2 / o.driftRatio(), ((Number) rows.get(7).get("lr")).doubleValue(), 1e-9);
    }

    @Test
    void dalRejectsAnEmptyWindowAndMiniBatchesClaimedFullBatch() {
        assertThrows(ConfigException.class, () -> build("lr={name: dal, start: 5, stop: 6}"));
        Experiment mini = build("lr={name: dal}", "train={batch_size: 16, steps: 3, eval_every: 0}");
        assertThrows(IllegalStateException.class, () -> train(mini));
        Experiment own = build("lr={name: dal, full_batch: false}", "train={batch_size: 16, steps: 3, eval_every: 0}");
        assertEquals(4, train(own).size());
    }

    @Test
    void clrAndPolyakFromAConfig() {
        Experiment ex = build("lr={name: clr, max_lr: 3}");
        CorridorLearningRate clr = assertInstanceOf(CorridorLearningRate.class, ex.lr());
        List<Map<String, Object>> rows = train(ex);
        CorridorLearningRate.Observation o = clr.last();
        assertEquals(Math.min(3, o.loss() / (o.gradNormSquared() + 1e-12)), ((Number) rows.get(7).get("lr")).doubleValue(),
                1e-12);
        Experiment p = build("lr={name: polyak, min_loss: 0.5, max_lr: 3}");
        List<Map<String, Object>> prow = train(p);
        CorridorLearningRate.Observation po = ((CorridorLearningRate) p.lr()).last();
        assertEquals(Math.min(3, (po.loss() - 0.5) / (po.gradNormSquared() + 1e-12)),
                ((Number) prow.get(7).get("lr")).doubleValue(), 1e-12);
    }
}
