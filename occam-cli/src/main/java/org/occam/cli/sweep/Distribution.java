package org.occam.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.List;

/**
 * How a random axis draws its values: {@code {uniform: [low, high]}},
 * {@code {log_uniform: [low, high]}} (low > 0; uniform in log space), {@code {int_uniform: [low,
 * high]}} (an integer, both ends included) or {@code {choice: [a, b, ...]}} (one of the values,
 * equally likely). Draws come from {@link SplitMix}, so a sweep file gives the same runs on every
 * machine and JDK.
 */
public sealed interface Distribution {

    /** The names a sweep file may use, in the order messages list them. */
    List<String> NAMES = List.of("uniform", "log_uniform", "int_uniform", "choice");

    /** One value. */
    JsonNode draw(SplitMix rng);

    /** As a sweep file writes it, e.g. {@code log_uniform: [1.0E-4, 0.01]}. */
    String describe();

    /** Uniform on [low, high). */
    record Uniform(double low, double high) implements Distribution {
        @Override
        public JsonNode draw(SplitMix rng) {
            return DoubleNode.valueOf(low + (high - low) * rng.nextDouble());
        }

        @Override
        public String describe() {
            return "uniform: [" + low + ", " + high + "]";
        }
    }

    /** exp of a uniform draw on [log low, log high). */
    record LogUniform(double low, double high) implements Distribution {
        @Override
        public JsonNode draw(SplitMix rng) {
            double a = StrictMath.log(low);
            double b = StrictMath.log(high);
            return DoubleNode.valueOf(StrictMath.exp(a + (b - a) * rng.nextDouble()));
        }

        @Override
        public String describe() {
            return "log_uniform: [" + low + ", " + high + "]";
        }
    }

    /** An integer in [low, high]. */
    record IntUniform(long low, long high) implements Distribution {
        @Override
        public JsonNode draw(SplitMix rng) {
            return LongNode.valueOf(low + rng.nextLong(high - low + 1));
        }

        @Override
        public String describe() {
            return "int_uniform: [" + low + ", " + high + "]";
        }
    }

    /** One of the values. */
    record Choice(List<JsonNode> values) implements Distribution {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public JsonNode draw(SplitMix rng) {
            return values.get((int) rng.nextLong(values.size()));
        }

        @Override
        public String describe() {
            return "choice: " + Values.show(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().addAll(values));
        }
    }

    /**
     * SplitMix64 (Steele, Lea and Flood 2014), written out so that draws never depend on the JDK's
     * generators.
     */
    final class SplitMix {
        private long state;

        public SplitMix(long seed) {
            this.state = seed;
        }

        public long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** Uniform in [0, 1), 53 random bits. */
        public double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        /** Uniform in [0, bound), bound > 0, without modulo bias. */
        public long nextLong(long bound) {
            long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
            while (true) {
                long r = nextLong() >>> 1;
                if (r < limit) {
                    return r % bound;
                }
            }
        }
    }
}
