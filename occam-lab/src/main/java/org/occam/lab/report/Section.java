package org.occam.lab.report;

import java.util.List;
import org.occam.lab.plot.Plot;

/**
 * One block of a report page. {@link Pages#page} turns a list of sections into a
 * self-contained HTML page; all text is escaped, charts are embedded as PNG, and links must be
 * relative.
 *
 * <pre>{@code
 * String html = Reports.page("Reproduction of Barrett & Dherin (2021)", List.of(
 *         new Section.Heading("Result"),
 *         new Section.Text("IGR predicts the flatter minimum."),
 *         Section.Table.of(List.of("h", "R_IG"), List.of(List.of("0.1", "0.42"))),
 *         new Section.Chart("r_ig", "R_IG over training", plot)));
 * }</pre>
 */
public sealed interface Section {
    /**
     * A section heading.
     *
     * @param text the heading
     */
    record Heading(String text) implements Section {
    }

    /**
     * Prose; blank lines separate paragraphs.
     *
     * @param text the text shown
     */
    record Text(String text) implements Section {
    }

    /**
     * Verbatim text in a monospaced block (configs, logs).
     *
     * @param text the text shown
     */
    record Code(String text) implements Section {
    }

    /**
     * A table; each row has one cell per header column.
     *
     * @param header the column names
     * @param rows the cells, one list per row
     */
    record Table(List<String> header, List<List<Cell>> rows) implements Section {
        /** Copies the lists and checks that every row is as wide as the header. */
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<Cell> r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException("table row has " + r.size() + " cells but the header has " + header.size());
                }
            }
        }

        /**
         * A table of plain text cells.
         *
         * @param header the column names
         * @param rows the rows of text
         * @return the table
         */
        public static Table of(List<String> header, List<List<String>> rows) {
            return new Table(header, rows.stream().map(r -> r.stream().map(Cell::of).toList()).toList());
        }
    }

    /**
     * A table cell: text, optionally a relative link.
     *
     * @param text the text shown
     * @param href a relative link, or null
     */
    record Cell(String text, String href) {
        /** Checks that the link, if any, is relative. */
        public Cell {
            if (href != null) {
                Html.relativeHref(href);
            }
        }

        /**
         * A plain cell.
         *
         * @param text the text shown
         * @return the cell
         */
        public static Cell of(String text) {
            return new Cell(text, null);
        }
    }

    /**
     * A chart, embedded as a PNG. {@code name} is a short file-system-safe name used when charts
     * are also saved as files; {@code caption} is shown under the chart and used as alt text.
     *
     * @param name the file-system-safe name
     * @param caption the text under the chart
     * @param plot the chart
     */
    record Chart(String name, String caption, Plot plot) implements Section {
    }

    /**
     * A list of relative links.
     *
     * @param links the links, in order
     */
    record Links(List<Link> links) implements Section {
        /** Copies the list. */
        public Links {
            links = List.copyOf(links);
        }
    }

    /**
     * A relative link.
     *
     * @param text the link's text
     * @param href the relative target
     */
    record Link(String text, String href) {
        /** Checks that the link is relative. */
        public Link {
            Html.relativeHref(href);
        }
    }

    /**
     * A run's state (completed, running, diverged, failed, …) as a coloured badge, with an optional message.
     *
     * @param state the run's state
     * @param message the message, or null
     */
    record Status(String state, String message) implements Section {
    }
}
