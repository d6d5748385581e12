package org.occam.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A registry checks names and parameters and builds with the checked values. */
class RegistryTest {

    private static JsonNode yaml(String s) {
        return Yaml.parse(s, "test");
    }

    private static Registry<String, String> registry() {
        return new Registry<String, String>("greeting")
                .register("hello", "says hello", List.of(Param.positiveInt("times", 1L, "repeats"),
                        Param.choice("mood", "calm", "how", "calm", "loud")),
                        (c, who) -> (c.str("mood").equals("loud") ? "HELLO " : "hello ").repeat(c.integer("times")) + who);
    }

    @Test
    void readsChecksAndCreates() {
        Registry<String, String> r = registry();
        ComponentConfig c = r.read(new Node("greet", yaml("{name: hello, times: 2}")));
        assertEquals(new ComponentConfig("hello", Map.of("times", 2L, "mood", "calm")), c);
        assertEquals("hello hello you", r.create(c, "you"));
        assertEquals(r.defaults("hello"), r.read(new Node("greet", yaml("hello"))));
    }

    @Test
    void rejectsUnknownNamesAndParams() {
        Registry<String, String> r = registry();
        assertEquals("greet.name: unknown value 'bye'; allowed: hello",
                assertThrows(ConfigException.class, () -> r.read(new Node("greet", yaml("{name: bye}")))).getMessage());
        assertEquals("unknown field 'loud' in greet; allowed: name, times, mood",
                assertThrows(ConfigException.class, () -> r.read(new Node("greet", yaml("{name: hello, loud: true}")))).getMessage());
        assertEquals("greet.mood: unknown value 'angry'; allowed: calm, loud",
                assertThrows(ConfigException.class, () -> r.read(new Node("greet", yaml("{name: hello, mood: angry}")))).getMessage());
        assertEquals("greet: must be a greeting name or a mapping with 'name' and its parameters, got 3",
                assertThrows(ConfigException.class, () -> r.read(new Node("greet", yaml("3")))).getMessage());
    }

    @Test
    void aNameIsRegisteredOnce() {
        Registry<String, String> r = registry();
        assertThrows(IllegalStateException.class, () -> r.register("hello", "again", List.of(), (c, w) -> w));
    }

    @Test
    void everyBuiltInEntryHasUsableDefaultsOrRequiredParams() {
        for (Registry<?, ?> r : List.of(OptimizerRegistry.REGISTRY, LearningRateRegistry.REGISTRY, RegularizerRegistry.REGISTRY, MonitorRegistry.REGISTRY,
                SyntheticDataRegistry.REGISTRY)) {
            for (String name : r.names()) {
                Registry.Entry<?, ?> e = r.entry(name);
                if (e.params().stream().allMatch(p -> p.defaultValue() != null)) {
                    assertEquals(name, r.defaults(name).name());
                }
            }
        }
    }
}
