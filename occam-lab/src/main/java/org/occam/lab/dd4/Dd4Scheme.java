package org.occam.lab.dd4;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.occam.games.DriftRegularizers;
import org.occam.games.UpdateScheme;
import org.occam.games.gan.GanConfig;
import org.occam.optim.Adam;

/**
 * The training schemes DD-4 compares (METHODS §3.5, §3.7, §11 DD-4): plain simultaneous and
 * alternating SGD, simultaneous SGD with the drift's interaction terms cancelled (optionally the
 * self terms strengthened too), with SGA or consensus optimisation at strength γ, RK4
 * ("ODE-GAN"), and simultaneous Adam as the reference the paper measures SGD against (METHODS §3.7:
 * drift cancellation "closes much of the gap to Adam").
 */
public enum Dd4Scheme {
    /** Plain simultaneous SGD. */
    SIMULTANEOUS("sim", "simultaneous"),
    /** Alternating SGD, discriminator first. */
    ALTERNATING("alt", "alternating (D first)"),
    /** Simultaneous, with the interaction terms cancelled. */
    CANCEL("cancel", "simultaneous + cancel interaction"),
    /** Simultaneous, interaction cancelled and self terms strengthened. */
    CANCEL_SELF("cancel-self", "simultaneous + cancel interaction + strengthen self"),
    /** Simultaneous with SGA at strength γ. */
    SGA("sga", "simultaneous + SGA"),
    /** Simultaneous with consensus optimisation at strength γ. */
    CONSENSUS("consensus", "simultaneous + consensus"),
    /** RK4 steps of the game field (ODE-GAN). */
    RK4("rk4", "RK4 (ODE-GAN)"),
    /** Simultaneous Adam, the reference of the papers. */
    ADAM("adam", "simultaneous Adam (h = 0.001, betas 0.5, 0.999)");

    /** The Adam reference: both players, β₁ = 0.5 as is usual for GANs. */
    private static final Adam GAN_ADAM = new Adam(0.5, 0.999, 1e-8, 0, false);

    private final String key;
    private final String title;

    Dd4Scheme(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /**
     * The short name used by --schemes.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The descriptive name for tables.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The base config (plain simultaneous SGD) turned into this scheme, SGA and consensus at strength γ.
     *
     * @param base the plain config
     * @param gamma the SGA and consensus strength
     * @return the config
     */
    public GanConfig apply(GanConfig base, double gamma) {
        return switch (this) {
            case SIMULTANEOUS -> base;
            case ALTERNATING -> base.withScheme(UpdateScheme.alternating());
            case CANCEL -> base.withRegularizers(DriftRegularizers.cancelInteraction());
            case CANCEL_SELF -> base.withRegularizers(DriftRegularizers.cancelInteractionStrengthenSelf());
            case SGA -> base.withRegularizers(DriftRegularizers.sga(gamma));
            case CONSENSUS -> base.withRegularizers(DriftRegularizers.consensus(gamma));
            case RK4 -> base.withRk4(true);
            case ADAM -> base.withRates(1e-3, 1e-3).withOptimizers(GAN_ADAM, GAN_ADAM);
        };
    }

    /**
     * Parses one short name.
     *
     * @param s the settings
     * @return the scheme
     */
    public static Dd4Scheme parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (Dd4Scheme x : values()) {
            if (x.key.equals(k)) {
                return x;
            }
        }
        throw new IllegalArgumentException("unknown scheme '" + s + "': allowed values are " + keys());
    }

    /**
     * Parses a comma-separated list, keeping the order given and rejecting repeats.
     *
     * @param s the settings
     * @return the schemes
     */
    public static List<Dd4Scheme> parseList(String s) {
        List<Dd4Scheme> out = new ArrayList<>();
        for (String part : s.split(",")) {
            Dd4Scheme x = parse(part);
            if (out.contains(x)) {
                throw new IllegalArgumentException("--schemes: '" + x.key + "' given twice");
            }
            out.add(x);
        }
        return out;
    }

    /**
     * All short names, comma separated.
     *
     * @return the keys
     */
    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Dd4Scheme x : values()) {
            b.append(b.isEmpty() ? "" : ", ").append(x.key);
        }
        return b.toString();
    }
}
