package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package structure of the main sources of every module (issue 18): no package cycles, read
 * from the import lines; no inline fully-qualified {@code org.occam} names that hide an import
 * (in any module's main code, outside imports, comments and string literals); and the engine's
 * kernels stay below {@code Tensor}: only the tensor package uses them.
 */
class ArchitectureTest {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(org\\.occam\\.[\\w.]+)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\borg\\.occam\\.[a-z]");
    private static final String KERNEL = "org.occam.tensor.kernel";
    /**
     * The kernel classes main code outside the engine may import, each for a reason: Parallel's
     * thread count is a setting of every run (CLI, lab, Spark), and the CLI's benchmark times the
     * raw GEMM. Everything else reaches the kernels through Tensor and Ops.
     */
    private static final Set<String> KERNEL_API = Set.of(KERNEL + ".Parallel", KERNEL + ".Gemm");
    /** The modules whose main code must import every org.occam name it uses: all of them. */
    private static final List<String> IMPORTING_MODULES = List.of("occam-core", "occam-science", "occam-lab", "occam-cli",
            "occam-spark");

    @Test
    void mainCodeHasNoPackageCycles() {
        Map<String, Set<String>> graph = packageGraph(root());
        assertTrue(graph.size() > 20, "found the main sources of every module: " + graph.keySet());
        assertEquals(List.of(), cycles(graph), "package cycles (each list is one strongly connected set of packages)");
    }

    @Test
    void onlyTheTensorPackageUsesTheKernels() {
        List<String> found = new ArrayList<>();
        for (Path module : list(root())) {
            for (Path f : javaFiles(module.resolve("src/main/java"))) {
                String text = read(f);
                Matcher pm = PACKAGE.matcher(text);
                if (!pm.find() || pm.group(1).equals("org.occam.tensor") || pm.group(1).equals(KERNEL)) {
                    continue;
                }
                Matcher im = IMPORT.matcher(text);
                while (im.find()) {
                    if (packageOf(im.group(1)).equals(KERNEL) && !KERNEL_API.contains(im.group(1))) {
                        found.add(root().relativize(f) + ": " + im.group(1));
                    }
                }
            }
        }
        assertTrue(javaFiles(root().resolve("occam-core/src/main/java/org/occam/tensor/kernel")).size() > 10);
        assertEquals(List.of(), found, "kernel classes used outside org.occam.tensor: go through Tensor/Ops");
    }

    @Test
    void theCycleFinderSeesACycle() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", new TreeSet<>(List.of("b")));
        g.put("b", new TreeSet<>(List.of("c")));
        g.put("c", new TreeSet<>(List.of("a")));
        g.put("d", new TreeSet<>(List.of("a")));
        assertEquals(List.of(List.of("a", "b", "c")), cycles(g));
        assertEquals("org.occam.cli.run", packageOf("org.occam.cli.run.GameReport.Kind"));
        assertEquals("org.occam.lab", packageOf("org.occam.lab.*"));
    }

    @Test
    void mainCodeImportsInsteadOfQualifyingInline() {
        List<String> found = new ArrayList<>();
        for (String module : IMPORTING_MODULES) {
            for (Path f : javaFiles(root().resolve(module).resolve("src/main/java"))) {
                if (f.endsWith("module-info.java")) {
                    continue; // a module descriptor names packages by definition
                }
                String[] lines = code(read(f)).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String l = lines[i].strip();
                    if (!l.startsWith("import ") && !l.startsWith("package ") && QUALIFIED.matcher(l).find()) {
                        found.add(root().relativize(f) + ":" + (i + 1) + ": " + l);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "inline fully-qualified org.occam names: import them instead");
        assertEquals("int x = 1;\n\n", code("int x = 1; // org.occam.a.B\n/* org.occam.c.D */\n"));
    }

    /** The source with comments and string literals blanked (line breaks kept). */
    static String code(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
                src.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> b.append('\n'));
                i = end;
            } else if (c == '"' || c == '\'') {
                boolean block = src.startsWith("\"\"\"", i);
                String close = block ? "\"\"\"" : String.valueOf(c);
                int j = i + close.length();
                while (j < src.length() && !src.startsWith(close, j)) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                src.substring(i, Math.min(j + close.length(), src.length())).chars().filter(ch -> ch == '\n')
                        .forEach(ch -> b.append('\n'));
                i = Math.min(j + close.length(), src.length());
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("[ \\t]+$", "");
    }

    /** The package of an imported name: the dotted prefix before the first capitalised segment. */
    static String packageOf(String name) {
        List<String> parts = new ArrayList<>();
        for (String p : name.split("\\.")) {
            if (p.equals("*") || Character.isUpperCase(p.charAt(0))) {
                break;
            }
            parts.add(p);
        }
        return String.join(".", parts);
    }

    /** Package → the org.occam packages its main files import. */
    static Map<String, Set<String>> packageGraph(Path root) {
        Map<String, Set<String>> g = new TreeMap<>();
        for (Path module : list(root)) {
            Path src = module.resolve("src/main/java");
            for (Path f : javaFiles(src)) {
                String text = read(f);
                Matcher pm = PACKAGE.matcher(text);
                if (!pm.find()) {
                    continue;
                }
                Set<String> deps = g.computeIfAbsent(pm.group(1), k -> new TreeSet<>());
                Matcher im = IMPORT.matcher(text);
                while (im.find()) {
                    String p = packageOf(im.group(1));
                    if (!p.equals(pm.group(1))) {
                        deps.add(p);
                    }
                }
            }
        }
        return g;
    }

    /** The strongly connected sets of more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> g) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> on = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : g.keySet()) {
            if (!index.containsKey(v)) {
                strong(v, g, index, low, stack, on, out, next);
            }
        }
        return out;
    }

    private static void strong(String v, Map<String, Set<String>> g, Map<String, Integer> index, Map<String, Integer> low,
                               Deque<String> stack, Set<String> on, List<List<String>> out, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.push(v);
        on.add(v);
        for (String w : g.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strong(w, g, index, low, stack, on, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (on.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> scc = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                on.remove(w);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) {
                scc.sort(null);
                out.add(scc);
            }
        }
    }

    /** The repository root: the nearest folder up from here whose pom.xml lists modules. */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<module>occam-core</module>")) {
                return p;
            }
        }
        throw new IllegalStateException("no parent pom.xml with <module>occam-core</module> above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
