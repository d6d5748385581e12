/**
 * Occam's core: tensors and their differentiable ops, function transforms, networks, data sets,
 * optimizers, the training loop and checkpoints. The kernels ({@code org.occam.tensor.kernel})
 * are not exported: they are the engine's raw-storage layer below {@code Tensor}.
 */
module org.occam.core {
    requires jdk.incubator.vector;

    exports org.occam.tensor;
    exports org.occam.autodiff;
    exports org.occam.nn;
    exports org.occam.data;
    exports org.occam.optim;
    exports org.occam.train;
    exports org.occam.io;
}
