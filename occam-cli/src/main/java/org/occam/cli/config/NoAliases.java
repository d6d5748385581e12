package org.occam.cli.config;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Refuses YAML anchors ({@code &x}) and aliases ({@code *x}), naming the line. Jackson would read
 * an alias as the plain string "x", so {@code name: *s} would silently name a run "s"; a config
 * spells every value out instead. The check reads the document's events (SnakeYAML, which Jackson
 * parses with), since Jackson's tokens drop the anchors of scalars.
 */
final class NoAliases {
    private NoAliases() {
    }

    /**
     * Throws a {@link ConfigException} naming {@code source} and the line of the first anchor or
     * alias of {@code text}. Syntax errors are left to the tree parser, which reports them.
     */
    static void check(LoaderOptions options, String text, String source) {
        try {
            for (Event e : new org.yaml.snakeyaml.Yaml(options).parse(new StringReader(text))) {
                if (e instanceof NodeEvent n && n.getAnchor() != null) {
                    String problem = e instanceof AliasEvent
                            ? "YAML alias *" + n.getAnchor() + " is not supported (anchors and aliases are refused); write"
                            + " the value out in full, or quote it ('*" + n.getAnchor() + "') if you meant the text"
                            : "YAML anchor &" + n.getAnchor() + " is not supported (anchors and aliases are refused);"
                            + " write each value out in full";
                    throw new ConfigException(source + ": line " + (e.getStartMark().getLine() + 1) + ": " + problem);
                }
            }
        } catch (YAMLException syntax) {
            // reported, with its location, by the tree parser
        }
    }
}
