package org.occam.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.lab.plot.ContourPlot;
import org.occam.lab.plot.Grid;
import org.occam.lab.plot.ImageChecks;

class PageTest {
    @Test
    void genericPageEscapesTextAndEmbedsCharts() {
        double[] x = {0.5, 0.4, 0.2, 0.05};
        double[] y = {1.0, 0.3, 0.1, 0.02};
        String html = Pages.page("Reproduction <1> & more", List.of(
                new Section.Heading("Result <b>"),
                new Section.Text("first paragraph with <tags>\n\nsecond & last"),
                Section.Table.of(List.of("h", "R_IG"), List.of(List.of("0.1", "<0.42>"))),
                new Section.Code("x < y"),
                new Section.Status("diverged", "loss > 1e9"),
                new Section.Links(List.of(new Section.Link("run a", "a/report.html"))),
                new Section.Chart("path", "GD path",
                        new ContourPlot("GD").grid(Grid.sample(-1, 1, -1, 1, 21, 21, (p, q) -> p * p + 3 * q * q)).trajectory("gd", x, y).plot())));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Reproduction &lt;1&gt; &amp; more</title>"));
        assertTrue(html.contains("<h2>Result &lt;b&gt;</h2>"));
        assertTrue(html.contains("<p>first paragraph with &lt;tags&gt;</p>\n<p>second &amp; last</p>"));
        assertTrue(html.contains("<td>&lt;0.42&gt;</td>"));
        assertTrue(html.contains("<pre>x &lt; y</pre>"));
        assertTrue(html.contains("loss &gt; 1e9"));
        assertFalse(html.contains("<tags>") || html.contains("<b>"));
        List<byte[]> images = ImageChecks.images(html);
        assertEquals(1, images.size());
        ImageChecks.assertDrawn(images.getFirst(), 800, 600, 30);
    }

    @Test
    void absoluteLinksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Section.Link("x", "https://example.org"));
        assertThrows(IllegalArgumentException.class, () -> new Section.Link("x", "//cdn.example.org/a.js"));
        assertThrows(IllegalArgumentException.class, () -> new Section.Cell("x", "javascript:alert(1)"));
        assertEquals("run%20a/report.html", Html.pathSegment("run a") + "/report.html");
    }
}
