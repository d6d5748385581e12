package org.occam.lab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders sections into one self-contained HTML page: inline CSS, charts as base64 PNG
 * {@code <img>} elements, no scripts, fonts or other external resources, so the file can be
 * mailed, archived or opened offline. A chart that fails to render becomes a visible error
 * paragraph instead of breaking the page.
 */
public final class Page {
    private Page() {
    }

    /**
     * The page, how many charts it embeds, and what went wrong while drawing them.
     *
     * @param html the page
     * @param charts the number of charts embedded
     * @param problems what went wrong while drawing
     */
    public record Rendered(String html, int charts, List<String> problems) {
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#222;background:#fafafa;line-height:1.45}
            main{max-width:1500px;margin:0 auto;padding:20px 28px 40px}
            h1{font-size:1.7em;margin:.3em 0 .5em}h2{font-size:1.3em;margin:1.6em 0 .5em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            table{border-collapse:collapse;font-variant-numeric:tabular-nums;background:#fff;margin:.5em 0}
            th,td{border:1px solid #ddd;padding:4px 10px;text-align:right}th{background:#f0f0f0}
            td:first-child,th:first-child{text-align:left}
            pre{background:#f4f4f4;border:1px solid #ddd;padding:10px 12px;overflow:auto;max-height:520px;font-size:.9em;white-space:pre-wrap;overflow-wrap:anywhere}
            .table{overflow-x:auto;max-width:100%}.table table{margin:0}
            .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:16px}
            figure{margin:0;background:#fff;border:1px solid #e2e2e2;padding:8px}
            figure img{width:100%;height:auto;display:block}figcaption{font-size:.9em;color:#555;margin-top:4px}
            .badge{display:inline-block;padding:2px 12px;border-radius:12px;color:#fff;font-weight:bold}
            .completed{background:#2e7d32}.running{background:#1565c0}.diverged{background:#e65100}.failed{background:#c62828}.interrupted{background:#6a1b9a}.unknown{background:#757575}
            .problem{color:#b71c1c}ul.links{padding-left:1.2em}footer{margin-top:3em;color:#888;font-size:.85em}
            """;

    /**
     * Renders the page. When {@code chartDir} is not null every chart is also written there as
     * NAME.png and NAME.svg.
     *
     * @param title the page's title
     * @param sections the sections, in order
     * @param chartDir where to write the charts too, or null
     * @return the page
     */
    public static Rendered render(String title, List<Section> sections, Path chartDir) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n");
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int charts = 0;
        boolean inGrid = false;
        for (Section s : sections) {
            boolean chart = s instanceof Section.Chart;
            if (chart && !inGrid) {
                b.append("<div class=\"charts\">\n");
            } else if (!chart && inGrid) {
                b.append("</div>\n");
            }
            inGrid = chart;
            switch (s) {
                case Section.Heading h -> b.append("<h2>").append(Html.escape(h.text())).append("</h2>\n");
                case Section.Text t -> text(b, t.text());
                case Section.Code c -> b.append("<pre>").append(Html.escape(c.text())).append("</pre>\n");
                case Section.Table t -> table(b, t);
                case Section.Links l -> links(b, l);
                case Section.Status st -> status(b, st);
                case Section.Chart c -> charts += chart(b, c, chartDir, names, problems) ? 1 : 0;
            }
        }
        if (inGrid) {
            b.append("</div>\n");
        }
        b.append("<footer>Written by occam report. This page is self-contained and works offline. METHODS §N refers to"
                + " section N of the method pages in the Occam repository's docs/ folder (docs/README.md).</footer>\n</main>\n</body>\n</html>\n");
        return new Rendered(b.toString(), charts, List.copyOf(problems));
    }

    private static void text(StringBuilder b, String text) {
        for (String para : text.strip().split("\\n\\s*\\n")) {
            if (!para.isBlank()) {
                b.append("<p>").append(Html.escape(para.strip())).append("</p>\n");
            }
        }
    }

    private static void table(StringBuilder b, Section.Table t) {
        b.append("<div class=\"table\"><table>\n<thead><tr>");
        for (String h : t.header()) {
            b.append("<th>").append(Html.escape(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<Section.Cell> row : t.rows()) {
            b.append("<tr>");
            for (Section.Cell c : row) {
                b.append("<td>");
                if (c.href() != null) {
                    b.append("<a href=\"").append(Html.escape(c.href())).append("\">").append(Html.escape(c.text())).append("</a>");
                } else {
                    b.append(Html.escape(c.text()));
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    private static void links(StringBuilder b, Section.Links l) {
        b.append("<ul class=\"links\">\n");
        for (Section.Link k : l.links()) {
            b.append("<li><a href=\"").append(Html.escape(k.href())).append("\">").append(Html.escape(k.text())).append("</a></li>\n");
        }
        b.append("</ul>\n");
    }

    private static void status(StringBuilder b, Section.Status s) {
        String state = s.state() == null ? "unknown" : s.state().toLowerCase(Locale.ROOT);
        String css = switch (state) {
            case "completed", "running", "diverged", "failed", "interrupted" -> state;
            default -> "unknown";
        };
        b.append("<p>State: <span class=\"badge ").append(css).append("\">").append(Html.escape(state)).append("</span>");
        if (s.message() != null && !s.message().isBlank()) {
            b.append(" ").append(Html.escape(s.message()));
        }
        b.append("</p>\n");
    }

    private static boolean chart(StringBuilder b, Section.Chart c, Path chartDir, Set<String> names, List<String> problems) {
        try {
            byte[] png = c.plot().png();
            b.append("<figure><img alt=\"").append(Html.escape(c.caption())).append("\" width=\"").append(c.plot().width())
                    .append("\" height=\"").append(c.plot().height()).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(Html.escape(c.caption()))
                    .append("</figcaption></figure>\n");
            if (chartDir != null) {
                String name = unique(fileName(c.name()), names);
                c.plot().write(chartDir.resolve(name + ".png"), chartDir.resolve(name + ".svg"));
            }
            return true;
        } catch (RuntimeException | IOException e) {
            String msg = "chart '" + c.caption() + "' could not be drawn: " + e;
            problems.add(msg);
            b.append("<p class=\"problem\">").append(Html.escape(msg)).append("</p>\n");
            return false;
        }
    }

    /**
     * A file-system-safe version of a chart name (letters, digits, '.', '_' and '-'; "chart" when empty).
     *
     * @param name the chart's name
     * @return the file name, without extension
     */
    public static String fileName(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        return s.isEmpty() ? "chart" : s;
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int k = 2; !used.add(n); k++) {
            n = name + "-" + k;
        }
        return n;
    }
}
