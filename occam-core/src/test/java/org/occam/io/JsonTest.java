package org.occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON subset used by safetensors headers. */
class JsonTest {
    @Test
    void parsesTheHeaderSubsetKeepingKeyOrder() {
        Object v = Json.parse(" {\"z\": {\"dtype\":\"F32\", \"shape\": [ 2 , 3 ], \"data_offsets\":[0,24]},\n"
                + "\t\"a\": {\"dtype\": \"F64\", \"shape\": [], \"data_offsets\": [24, 24]}, \"__metadata__\": {\"k\": \"v\"}}   ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("z", "a", "__metadata__"), List.copyOf(m.keySet()));
        Map<?, ?> z = (Map<?, ?>) m.get("z");
        assertEquals("F32", z.get("dtype"));
        assertEquals(List.of(2L, 3L), z.get("shape"));
        assertEquals(List.of(0L, 24L), z.get("data_offsets"));
        assertEquals(List.of(), ((Map<?, ?>) m.get("a")).get("shape"));
        assertEquals(Map.of("k", "v"), m.get("__metadata__"));
    }

    @Test
    void parsesEveryValueKind() {
        assertEquals(List.of(true, false, -7L, 0L, 1.5, -2.5e-3, 1e300, 9223372036854775807L),
                Json.parse("[true,false,-7,0,1.5,-2.5e-3,1E+300,9223372036854775807]"));
        assertEquals(9.223372036854775808E18, Json.parse("9223372036854775808")); // past long: a double
        assertNull(Json.parse("null"));
        assertEquals(Map.of(), Json.parse("{}"));
        assertEquals(List.of(List.of()), Json.parse("[[]]"));
    }

    @Test
    void decodesEscapes() {
        assertEquals("a\"b\\c/d\b\f\n\r\t\u00e9\u20ac\uD83D\uDE00",
                Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\""));
        assertEquals("ü€😀", Json.parse("\"ü€😀\"")); // raw non-ASCII passes through
    }

    @Test
    void quoteEscapesWhatJsonRequires() {
        assertEquals("\"plain.name\"", Json.quote("plain.name"));
        assertEquals("\"q\\\"b\\\\n\\nt\\tc\\u0001\"", Json.quote("q\"b\\n\nt\tc\u0001"));
        assertEquals("\"ü😀\"", Json.quote("ü😀"));
        assertEquals("\"\\ud800x\"", Json.quote("\uD800x")); // a lone surrogate cannot be UTF-8
    }

    @Test
    void quoteThenParseRoundTrips() {
        for (String s : new String[] {"", "0.weight", "a\"b", "\\", "\u0000\u001f\u007f", "ü\uD83D\uDE00", "\uDC00"}) {
            assertEquals(s, Json.parse(Json.quote(s)), s);
        }
    }

    @Test
    void rejectsMalformedJsonWithThePosition() {
        assertError("{\"a\":1,}", "unexpected character '}', expected a string key at offset 7");
        assertError("{\"a\" 1}", "unexpected character '1', expected ':' at offset 5");
        assertError("[1 2]", "unexpected character '2', expected ',' or ']' at offset 3");
        assertError("{\"a\":1", "unexpected end of JSON, expected ',' or '}' at offset 6");
        assertError("\"abc", "unterminated string at offset 4");
        assertError("\"a\nb\"", "control character U+000A inside a string (must be escaped) at offset 2");
        assertError("\"\\x\"", "bad escape \\x in a string at offset 1");
        assertError("\"\\u12G4\"", "bad \\u escape \\u12G4 at offset 3");
        assertError("{\"a\":1,\"a\":2}", "duplicate key \"a\" at offset 7");
        assertError("01", "unexpected character '1' after the end of the JSON value at offset 1");
        assertError("-", "bad number: expected a digit at offset 1");
        assertError("1.", "bad number: expected a digit at offset 2");
        assertError("tru", "unexpected character 't', expected a value at offset 0");
        assertError("", "unexpected end of JSON, expected a value at offset 0");
        assertError("{} x", "unexpected character 'x' after the end of the JSON value at offset 3");
        assertError("[".repeat(100), "JSON nested deeper than 64 levels at offset 65");
    }

    private static void assertError(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(json), json);
        assertEquals(message, e.getMessage());
        assertTrue(e.getMessage().contains("offset"));
    }
}
