package org.occam.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Commands:" section of {@code --help}: each subcommand with the first sentence of its
 * description, whole and wrapped (picocli's own list shows the first description line, which our
 * long descriptions break mid-sentence).
 */
final class CommandList implements IHelpSectionRenderer {
    private static final int WIDTH = 80;
    private static final int NAME_WIDTH = 13;

    /** Installs the section in {@code cl} and every command below it. */
    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
        cl.getSubcommands().values().forEach(CommandList::install);
    }

    @Override
    public String render(Help help) {
        Map<String, Help> subs = help.subcommands();
        if (subs.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Help> e : subs.entrySet()) {
            String[] lines = e.getValue().commandSpec().usageMessage().description();
            List<String> words = wrap(firstSentence(String.join(" ", lines)), WIDTH - NAME_WIDTH - 2);
            String name = "  " + e.getKey();
            b.append(name);
            for (int i = 0; i < words.size(); i++) {
                int pad = (i == 0 ? NAME_WIDTH + 2 - name.length() : NAME_WIDTH + 4);
                b.append(" ".repeat(Math.max(1, pad))).append(words.get(i)).append('\n');
            }
            if (words.isEmpty()) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** The text up to and including the first full stop that ends a sentence (or all of it). */
    static String firstSentence(String description) {
        String t = description.replace("%n", " ").replace("%%", "%").replaceAll("\\s+", " ").strip();
        int end = -1;
        for (int i = t.indexOf(". "); i >= 0; i = t.indexOf(". ", i + 1)) {
            if (!t.substring(0, i).matches(".*\\b(e\\.g|i\\.e|cf|vs|etc)$")) {
                end = i;
                break;
            }
        }
        return end < 0 ? t : t.substring(0, end + 1);
    }

    /** Words of {@code text} in lines of at most {@code width} characters (a longer word gets its own line). */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(w);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }
}
