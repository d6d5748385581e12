package org.occam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The CIFAR networks: PyTorch state_dict names and sizes of the reference codes, forward shapes on
 * 3×32×32 and 1×28×28, the spec grammar, and Hessian-vector products through a tiny BN ResNet
 * against the dense Hessian in both modes.
 */
class PaperModelsTest {
    private static final DType F64 = DType.FLOAT64;

    private static List<String> stateDictNames(Sequential m) {
        List<String> l = new ArrayList<>();
        m.params().forEach(p -> l.add(p.name()));
        m.buffers().forEach(b -> l.add(b.name()));
        return l;
    }

    private static long count(Sequential m) {
        long n = 0;
        for (ParamSpec p : m.params()) {
            long k = 1;
            for (int d : p.shape()) {
                k *= d;
            }
            n += k;
        }
        return n;
    }

    @Test
    void resnet18HasKuangliusNamesAndSize() {
        Sequential m = Models.parse("resnet18:3x32x32:10");
        List<String> names = stateDictNames(m);
        for (String n : List.of("conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var",
                "bn1.num_batches_tracked", "layer1.0.conv1.weight", "layer1.1.bn2.running_var", "layer2.0.shortcut.0.weight",
                "layer2.0.shortcut.1.weight", "layer2.0.shortcut.1.num_batches_tracked", "layer4.1.conv2.weight",
                "linear.weight", "linear.bias")) {
            assertTrue(names.contains(n), n + " in " + names);
        }
        assertTrue(names.stream().noneMatch(n -> n.startsWith("layer1.0.shortcut")), "identity shortcuts have no parameters");
        assertEquals(11_173_962L, count(m), "kuangliu ResNet18 has 11,173,962 parameters");
        assertEquals(20 * 3, m.buffers().size(), "20 BatchNorm layers, 3 buffers each");
    }

    @Test
    void resnet20HasAkamastersLayoutWithOptionAShortcuts() {
        Sequential a = Models.parse("resnet20:3x32x32:10");
        assertEquals(269_722L, count(a), "He et al.'s ResNet-20 (option A) has 0.27M parameters: 269,722");
        List<String> names = stateDictNames(a);
        assertTrue(names.contains("layer3.2.bn2.running_mean") && names.contains("linear.weight"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.contains("shortcut")), "option A has no shortcut parameters");
        Sequential b = Models.parse("resnet20:3x32x32:10:shortcut=b");
        assertTrue(stateDictNames(b).contains("layer2.0.shortcut.1.running_var"));
        assertEquals(269_722L + (16 * 32 + 2 * 32) + (32 * 64 + 2 * 64), count(b), "option B adds two 1x1 conv + BN projections");
    }

    @Test
    void wideResnetAndVggNames() {
        List<String> wrn = stateDictNames(Models.parse("wrn-16-4:3x32x32:10"));
        for (String n : List.of("conv1.weight", "block1.layer.0.bn1.running_mean", "block1.layer.0.convShortcut.weight",
                "block3.layer.1.conv2.weight", "bn1.running_var", "fc.weight")) {
            assertTrue(wrn.contains(n), n + " in " + wrn);
        }
        assertTrue(wrn.stream().noneMatch(n -> n.startsWith("block1.layer.1.convShortcut")));
        List<String> vgg = stateDictNames(Models.parse("vgg11:3x32x32:10"));
        for (String n : List.of("features.0.weight", "features.0.bias", "features.1.running_mean", "features.4.weight",
                "features.26.num_batches_tracked", "classifier.weight")) {
            assertTrue(vgg.contains(n), n + " in " + vgg);
        }
    }

    @Test
    void forwardShapesOnCifarAndMnistInputsInBothModes() {
        Rng rng = Rng.seed(0);
        for (String spec : List.of("resnet18:3x32x32:10:width=2", "resnet20:1x28x28:10:width=2", "wrn-10-1:3x32x32:10:dropout=0.3",
                "vgg:1x28x28:4-M-8-M:10", "vgg11:3x32x32:10:width=1")) {
            Sequential m = Models.parse(spec);
            Params p = m.init(rng, DType.FLOAT32);
            int c = spec.contains("1x28x28") ? 1 : 3;
            int hw = c == 1 ? 28 : 32;
            Tensor x = rng.normal(DType.FLOAT32, 0, 1, 2, c, hw, hw);
            for (Mode mode : Mode.values()) {
                Model.Output o = m.forward(p, m.initState(DType.FLOAT32), x, mode);
                assertArrayEquals(new int[] {2, 10}, o.output().shape(), spec + " " + mode);
            }
        }
    }

    @Test
    void specErrorsNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.parse("resnet21:3x32x32:10"));
        assertTrue(e.getMessage().contains("depth 6n+2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Models.parse("resnet18:3x32x32:10:depth=3"));
        assertTrue(e.getMessage().contains("unknown option [depth]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Models.parse("resnet20:3x32x32"));
        assertTrue(e.getMessage().contains("class count") && e.getMessage().contains("resnet18:3x32x32:10"), e.getMessage());
        assertEquals(Models.parse("resnet:1x28x28:16x2:10").describe(), Models.resnet(1, 28, 28, 16, 2, 10).describe(),
                "the old resnet spec is unchanged");
    }

    @Test
    void hvpThroughATinyBnResnetEqualsTheDenseHessianTimesV() {
        // a stem and one downsampling block with a projection shortcut: every BN path of a ResNet
        Sequential m = new Sequential(List.of(new Conv2d(1, 1, 3, 1, 1, false), BatchNorm.d2(1), Activation.RELU,
                new BasicBlock(1, 2, 2, true, Init.TORCH), new AdaptiveAvgPool2d(1), new Flatten(), new Linear(2, 3, true)),
                List.of("conv1", "bn1", "relu", "layer1", "avgpool", "flatten", "linear"));
        Rng rng = Rng.seed(5);
        Params p = m.init(rng, F64).map(t -> t.add(rng.normal(F64, 0, 0.2, t.shapeRef())));
        Tensor x = rng.normal(F64, 0, 1, 3, 1, 4, 4);
        Batch b = new Batch(x, new int[] {0, 2, 1}, null, new int[] {0, 1, 2});
        ModelState s = m.forward(p, m.initState(F64), rng.normal(F64, 0.3, 1.5, 3, 1, 4, 4), Mode.TRAIN).state();
        Params v = p.map(t -> rng.normal(F64, 0, 1, t.shapeRef()));
        for (Mode mode : Mode.values()) {
            Model bound = m.bind(s, mode);
            Function<Params, Tensor> f = q -> Losses.crossEntropy(bound.apply(q, b.x()), b.y());
            double[] hv = Autodiff.hvp(f, p, v).flatten().toDoubleArray();
            Tensor h = Autodiff.hessian(f, p);
            double[] dense = h.matmul(v.flatten().reshape(-1, 1)).reshape(-1).toDoubleArray();
            assertEquals(dense.length, hv.length);
            double scale = 0;
            for (double d : dense) {
                scale = Math.max(scale, Math.abs(d));
            }
            assertTrue(scale > 1e-3, "a non-trivial product");
            for (int i = 0; i < hv.length; i++) {
                assertEquals(dense[i], hv[i], 1e-10 * (1 + scale), mode + " (Hv)_" + i);
            }
        }
    }
}
