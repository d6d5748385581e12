package org.occam.cli.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The README's Java example (its first java block): its import lines and its statements. */
record ReadmeSnippet(List<String> imports, List<String> statements) {

    /** A line printed after the snippet so a test can see that it ran to the end. */
    static final String CHECK = "System.out.println(\"SNIPPET-OK \" + s.eigenvalue(0) + \" \" + gc);";

    static ReadmeSnippet read(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf("```java");
        if (start < 0) {
            throw new IllegalStateException(readme + " has no ```java block");
        }
        List<String> imports = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (int i = start + 1; !lines.get(i).equals("```"); i++) {
            String l = lines.get(i);
            if (l.startsWith("import ")) {
                imports.add(l);
            } else if (!l.isBlank()) {
                statements.add(l);
            }
        }
        return new ReadmeSnippet(List.copyOf(imports), List.copyOf(statements));
    }

    /** The block exactly as the README shows it, then the check line. */
    String asJshellInput() {
        return String.join("\n", imports) + "\n\n" + String.join("\n", statements) + "\n" + CHECK + "\n/exit\n";
    }

    /** The block as a class with a main method, as a user's own project would hold it. */
    String asMainClass() {
        return String.join("\n", imports) + "\n\npublic class Main {\n    public static void main(String[] args) {\n        "
                + String.join("\n        ", statements) + "\n        " + CHECK + "\n    }\n}\n";
    }
}
