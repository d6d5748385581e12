package org.occam.morse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Synthetic;
import org.occam.nn.Losses;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.Adam;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/** A Morse head on the frozen penultimate layer of a trained classifier. */
class MorseHeadTest {

    @Test
    void headOnFrozenEmbeddingsClassifiesAndFlagsFarInputs() {
        Dataset data = Synthetic.gaussianMixture(600, 3, 4, 4.0, Rng.seed(1)).asType(DType.FLOAT32);
        Dataset train = data.slice(0, 400);
        Dataset test = data.slice(400, 600);
        Sequential clf = Models.parse("mlp:4-32-16-3:relu");
        Trainer.Result tr = Trainer.run(new Trainer.Setup(clf, clf.init(Rng.seed(0), DType.FLOAT32), Objective.crossEntropy(clf),
                train, null, Adam.standard(), LearningRateRule.of(Schedule.constant(0.01)),
                TrainSpec.of(64, 150, 0).withEvalEvery(0), null, null, null));
        FrozenEmbedding emb = FrozenEmbedding.penultimate(clf, tr.params());
        assertEquals(16, emb.embed(test.x(), 64).size(1));
        Params before = tr.params();

        Sequential head = Models.parse("mlp:16-32-3:tanh");
        MorseNetwork net = MorseNetwork.supervised(head, new MorseKernel.Gaussian(1), 3, 1);
        MorseHead.Fitted f = MorseHead.fit(emb, net, head.init(Rng.seed(2), DType.FLOAT32), train,
                e -> ReferenceDistribution.around("box", e, 1.5), Adam.standard(),
                new MorseFit.Spec(64, 128, 300, Schedule.constant(0.01), 0, 50), null);
        assertTrue(f.fit().curve().getLast().loss() < f.fit().curve().getFirst().loss(), "the head's loss falls");
        Tensor probs = f.head().classProbabilities(test.x());
        double acc = Losses.accuracy(probs, test.y());
        assertTrue(acc > 0.9, "head accuracy " + acc);
        double[] rowSums = probs.sum(1).toDoubleArray();
        for (double s : rowSums) {
            assertEquals(1.0, s, 1e-5);
        }
        // far inputs: the test points scaled out by 6
        Tensor far = test.x().mul(6.0).add(20.0);
        OodMetrics m = OodMetrics.evaluate(f.head().oodScores(test.x(), OodScores.Kind.NEG_LOG_DENSITY),
                f.head().oodScores(far, OodScores.Kind.NEG_LOG_DENSITY));
        assertTrue(m.auroc() > 0.9, "head OOD " + m.describe());
        assertEquals(before.flatten().toDoubleArray().length, emb.params().flatten().toDoubleArray().length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before.flatten().toFloatArray(), emb.params().flatten().toFloatArray(),
                "the classifier stays frozen");
    }
}
