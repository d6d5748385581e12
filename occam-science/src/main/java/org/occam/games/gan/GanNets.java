package org.occam.games.gan;

import java.util.ArrayList;
import java.util.List;
import org.occam.nn.Activation;
import org.occam.nn.Layer;
import org.occam.nn.Models;
import org.occam.nn.Sequential;

/**
 * MLP generators and discriminators for the GAN checks (METHODS §11 DD-4): Sequential models, so
 * their parameters are ordinary {@link org.occam.autodiff.Params} trees named "i.weight", "i.bias".
 */
public final class GanNets {
    private GanNets() {
    }

    /**
     * An MLP generator latent → hidden (× layers, with act) → out, optionally followed by tanh
     * (images in [−1, 1]); the 2-D toy generator has a linear output.
     *
     * @param latent the latent dimension
     * @param hidden the hidden width
     * @param layers the number of hidden layers
     * @param out the output dimension
     * @param act the activation
     * @param tanhOutput whether to end with tanh
     * @return the generator
     */
    public static Sequential generator(int latent, int hidden, int layers, int out, Activation act, boolean tanhOutput) {
        Sequential mlp = Models.mlp(act, sizes(latent, hidden, layers, out));
        if (!tanhOutput) {
            return mlp;
        }
        List<Layer> l = new ArrayList<>(mlp.layers());
        l.add(Activation.TANH);
        return new Sequential(l);
    }

    /**
     * An MLP discriminator in → hidden (× layers, with act) → one logit.
     *
     * @param in the input dimension
     * @param hidden the hidden width
     * @param layers the number of hidden layers
     * @param act the activation
     * @return the discriminator
     */
    public static Sequential discriminator(int in, int hidden, int layers, Activation act) {
        return Models.mlp(act, sizes(in, hidden, layers, 1));
    }

    /**
     * The DD-4 toy GAN: 2×hidden MLPs for G (latent → 2, linear output) and D (2 → 1 logit).
     *
     * @param latent the latent dimension
     * @param hidden the hidden width
     * @param act the activation
     * @param loss the generator's loss
     * @return the GAN
     */
    public static Gan toy2d(int latent, int hidden, Activation act, GeneratorLoss loss) {
        return new Gan(generator(latent, hidden, 2, 2, act, false), discriminator(2, hidden, 2, act), latent, loss);
    }

    /**
     * A small MNIST MLP GAN: G latent → hidden → hidden → 784 with a tanh output, D 784 → hidden → hidden → 1.
     *
     * @param latent the latent dimension
     * @param hidden the hidden width
     * @param act the activation
     * @param loss the generator's loss
     * @return the GAN
     */
    public static Gan mnistMlp(int latent, int hidden, Activation act, GeneratorLoss loss) {
        return new Gan(generator(latent, hidden, 2, 784, act, true), discriminator(784, hidden, 2, act), latent, loss);
    }

    private static int[] sizes(int in, int hidden, int layers, int out) {
        if (in < 1 || hidden < 1 || out < 1 || layers < 0) {
            throw new IllegalArgumentException("MLP sizes must be positive (in " + in + ", hidden " + hidden + ", out " + out
                    + ") and layers >= 0 (got " + layers + ")");
        }
        int[] s = new int[layers + 2];
        s[0] = in;
        for (int i = 1; i <= layers; i++) {
            s[i] = hidden;
        }
        s[layers + 1] = out;
        return s;
    }
}
