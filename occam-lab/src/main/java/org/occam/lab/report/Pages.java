package org.occam.lab.report;

import java.util.List;
import org.occam.lab.plot.Headless;

/**
 * Self-contained HTML pages built from {@link Section}s (inline CSS, charts as embedded PNG, no
 * scripts, no external resources), for reproductions and any command that builds its own report.
 *
 * <pre>{@code
 * String html = Pages.page("EOS-1", List.of(new Section.Heading("Result"), new Section.Text("...")));
 * }</pre>
 */
public final class Pages {
    private Pages() {
    }

    /**
     * A page with this title and these sections; a chart that cannot be drawn is replaced by an error paragraph.
     *
     * @param title the page's title
     * @param sections the page's sections, in order
     * @return the page
     */
    public static String page(String title, List<Section> sections) {
        Headless.ensure();
        return Page.render(title, sections, null).html();
    }
}
