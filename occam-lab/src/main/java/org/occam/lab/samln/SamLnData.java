package org.occam.lab.samln;

import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.Split;
import org.occam.data.TrainTest;

/** The rows of a SAM-1/LN-1 setting, with one-hot regression targets for the squared loss. */
final class SamLnData {
    private SamLnData() {
    }

    static TrainTest load(SamLnSetting s) {
        TrainTest all = s.data().equals("digits") ? Datasets.digitsSplit()
                : new TrainTest(Datasets.mnistEmbedded(Split.TRAIN), Datasets.mnistEmbedded(Split.TEST));
        Dataset train = all.train().slice(0, Math.min(s.trainSize(), all.train().size()));
        Dataset test = all.test().slice(0, Math.min(s.testSize(), all.test().size()));
        return new TrainTest(withOneHot(train), withOneHot(test));
    }

    private static Dataset withOneHot(Dataset d) {
        return new Dataset(d.name(), d.x(), d.y(), d.numClasses(), d.classNames(), d.all().oneHot(d.numClasses()));
    }

    static String describe(SamLnSetting s, TrainTest d) {
        return s.data() + " (" + d.train().size() + " training, " + d.test().size() + " test rows)";
    }
}
