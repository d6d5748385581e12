package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.plot.ImageChecks;

/** {@code occam flow} end to end: table, JSON lines, plots and the error messages. */
class FlowCommandTest {
    private static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void tableForTheIgrToyWithAContourPlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("sub/flow.png");
        String[] r = run("flow", "--loss", "0.5*(1 - a*b)^2", "--init", "a=2.8,b=0.4", "--lr", "0.2", "--steps", "30",
                "--flows", "gd,gf,igr,igr3,pf", "--plot", png.toString());
        assertEquals("0", r[0], r[2]);
        for (String name : new String[] {"gd ", "gf ", "igr ", "igr3 ", "pf "}) {
            assertTrue(r[1].contains("\n" + name), "row " + name + " missing:\n" + r[1]);
        }
        assertTrue(r[1].contains("hλ_max = 1.607"), r[1]);
        ImageChecks.assertDrawn(Files.readAllBytes(png), 800, 600, 30);
    }

    @Test
    void jsonLinesReproducePf1AtRate09() throws Exception {
        String[] r = run("flow", "--loss", "x^2 + 0.01*y^2", "--init", "x=-0.35,y=-0.2", "--lr", "0.9", "--steps", "12",
                "--flows", "gf,igr,pf", "--json", "--rtol", "1e-7", "--atol", "1e-10");
        assertEquals("0", r[0], r[2]);
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r[1].split("\\R")) {
            lines.add(m.readTree(line));
        }
        assertEquals(4 * 13 + 1, lines.size());
        JsonNode sum = lines.get(lines.size() - 1);
        assertEquals("summary", sum.get("kind").asText());
        assertEquals("gd", sum.get("iterates").asText());
        assertEquals(2.0, sum.get("sharpness_at_start").asDouble(), 1e-12);
        double pf = Double.NaN;
        double gf = Double.NaN;
        for (JsonNode f : sum.get("flows")) {
            assertTrue(f.get("stop_reason").isNull());
            if (f.get("flow").asText().equals("pf")) {
                pf = f.get("max_distance").asDouble();
            } else if (f.get("flow").asText().equals("gf")) {
                gf = f.get("max_distance").asDouble();
            }
        }
        assertTrue(pf < 1e-5, "pf " + pf);
        assertTrue(gf > 0.1, "gf " + gf);
        // the point records: GD at step 3 is (−0.8)³·(−0.35) in x
        JsonNode p = lines.get(3);
        assertEquals("point", p.get("kind").asText());
        assertEquals("gd", p.get("flow").asText());
        assertEquals(3, p.get("step").asInt());
        assertEquals(2.7, p.get("t").asDouble(), 1e-12);
        assertEquals(-0.35 * Math.pow(-0.8, 3), p.get("theta").get("x").asDouble(), 1e-15);
    }

    @Test
    void oneVariableGetsALossCurve(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("curve.png");
        String[] r = run("flow", "--loss", "log(1 + exp(-w)) + 0.05*w^2", "--init", "w=-2", "--lr", "0.5", "--steps", "15",
                "--flows", "gf,igr,pf-re,pf-top", "--plot", png.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("pf-top"), r[1]);
        ImageChecks.assertDrawn(Files.readAllBytes(png), 800, 500, 20);
    }

    @Test
    void momentumComparesWithHeavyBall() throws Exception {
        String[] r = run("flow", "--loss", "x^2", "--init", "x=1", "--lr", "0.02", "--steps", "40", "--beta", "0.3", "--flows",
                "gd,gf,mom", "--json");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].split("\\R");
        JsonNode sum = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals("hb", sum.get("iterates").asText());
        assertEquals(3, sum.get("flows").size());
    }

    @Test
    void errorsListTheValidValues() {
        String[] r = run("flow", "--loss", "0.5*(1 - a*b)^2", "--init", "a=1,b=2", "--lr", "0.1", "--flows", "gf,pff");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown flow 'pff'") && r[2].contains("gd, gf, igr, igr3, pf, pf-re, pf-top, mom"), r[2]);
        r = run("flow", "--loss", "0.5*(1 - a*b)^2", "--init", "a=1,c=2", "--lr", "0.1");
        assertTrue(r[2].contains("'c' is not a variable of the loss; variables: a, b"), r[2]);
        r = run("flow", "--loss", "0.5*(1 - a*b)^2", "--init", "a=1", "--lr", "0.1");
        assertTrue(r[2].contains("no value for 'b'; variables: a, b"), r[2]);
        r = run("flow", "--loss", "0.5*(1 - a*b)^2", "--init", "a:1,b=2", "--lr", "0.1");
        assertTrue(r[2].contains("bad entry 'a:1'") && r[2].contains("variables: a, b"), r[2]);
        r = run("flow", "--loss", "0.5*(1 - a*b)^2", "--init", "a=x,b=2", "--lr", "0.1");
        assertTrue(r[2].contains("value of 'a' is not a number"), r[2]);
        r = run("flow", "--loss", "0.5*(1 - a*b))^2", "--init", "a=1,b=2", "--lr", "0.1");
        assertEquals("2", r[0]);
        assertEquals("occam: unexpected ')' at column 14 of '0.5*(1 - a*b))^2', just after '0.5*(1 - a*b)'",
                r[2].strip(), "one line; the position is where the text before it ends");
        r = run("flow", "--loss", "x^2", "--init", "x=1", "--lr", "0.1", "--flows", "mom");
        assertTrue(r[2].contains("give --beta"), r[2]);
        r = run("flow", "--loss", "x^2", "--init", "x=1", "--lr", "0.1", "--beta", "0.5", "--flows", "pf");
        assertTrue(r[2].contains("with --beta use gd, gf, mom"), r[2]);
        r = run("flow", "--loss", "x^2", "--init", "x=1", "--lr", "0.1", "--plot", "out.gif");
        assertTrue(r[2].contains(".png or .svg"), r[2]);
        r = run("flow", "--loss", "3 + 4", "--init", "x=1", "--lr", "0.1");
        assertTrue(r[2].contains("has no variables"), r[2]);
    }
}
