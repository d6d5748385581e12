package org.occam.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.occam.tensor.Tensor;

/**
 * Reads Weka ARFF files (raw or gzipped) with numeric attributes ({@code numeric}, {@code real},
 * {@code integer}) and one nominal class attribute ({@code {a, b, c}}), by default the last one.
 * Features become float64; labels index the class attribute's values, which become the class
 * names. Sparse rows, missing values ({@code ?}) and non-numeric feature attributes are rejected
 * with a message naming the line and attribute. {@code %} starts a comment.
 */
public final class ArffReader {
    private ArffReader() {}

    private record Attribute(String name, List<String> nominal) {
        boolean numeric() {
            return nominal == null;
        }
    }

    /**
     * Reads a file; the class is the last attribute.
     *
     * @param file an ARFF file
     * @return the data set, named after the file
     */
    public static Dataset read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a file taking the class from the named attribute (null: the last one).
     *
     * @param file an ARFF file
     * @param classAttribute the attribute holding the class, or null for the last
     * @return the data set, named after the file
     */
    public static Dataset read(Path file, String classAttribute) {
        try (InputStream in = Inputs.open(file)) {
            return read(in, file.toString(), classAttribute);
        } catch (IOException e) {
            throw new DataException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream (closed afterwards); {@code source} names it in errors.
     *
     * @param in the ARFF text
     * @param source the file's name, for error messages
     * @param classAttribute the attribute holding the class, or null for the last
     * @return the data set
     */
    public static Dataset read(InputStream in, String source, String classAttribute) {
        String relation = Inputs.baseName(source);
        List<Attribute> attrs = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        boolean inData = false;
        int lineNo = 0;
        for (String rawLine : Inputs.lines(in, source)) {
            lineNo++;
            String line = stripComment(rawLine).trim();
            if (line.isEmpty()) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (inData) {
                if (line.startsWith("{")) {
                    throw new DataException("ARFF " + source + ":" + lineNo + ": sparse rows are not supported");
                }
                rows.add(tokens(line, source, lineNo).toArray(String[]::new));
                rowLines.add(lineNo);
            } else if (lower.startsWith("@relation")) {
                String rest = line.substring(9).trim();
                if (!rest.isEmpty()) {
                    relation = unquote(rest.substring(0, nameEnd(rest)));
                }
            } else if (lower.startsWith("@attribute")) {
                attrs.add(attribute(line.substring(10).trim(), source, lineNo));
            } else if (lower.startsWith("@data")) {
                inData = true;
            } else {
                throw new DataException("ARFF " + source + ":" + lineNo + ": unexpected line before @data: " + line);
            }
        }
        if (!inData) {
            throw new DataException("ARFF " + source + " has no @data section");
        }
        return build(relation, attrs, rows, rowLines, source, classAttribute);
    }

    private static Dataset build(String relation, List<Attribute> attrs, List<String[]> rows, List<Integer> lines,
            String source, String classAttribute) {
        if (attrs.size() < 2) {
            throw new DataException("ARFF " + source + " declares " + attrs.size()
                    + " attributes; need at least one feature and a class");
        }
        int ci = attrs.size() - 1;
        if (classAttribute != null) {
            ci = -1;
            for (int j = 0; j < attrs.size(); j++) {
                if (attrs.get(j).name().equals(classAttribute)) {
                    ci = j;
                }
            }
            if (ci < 0) {
                throw new DataException("ARFF " + source + " has no attribute named '" + classAttribute + "'");
            }
        }
        Attribute cls = attrs.get(ci);
        if (cls.numeric()) {
            throw new DataException("ARFF " + source + ": class attribute '" + cls.name()
                    + "' is numeric; it must be nominal ({a, b, ...})");
        }
        for (int j = 0; j < attrs.size(); j++) {
            if (j != ci && !attrs.get(j).numeric()) {
                throw new DataException("ARFF " + source + ": attribute '" + attrs.get(j).name()
                        + "' is nominal; only numeric features (and a nominal class) are supported");
            }
        }
        int w = attrs.size();
        int d = w - 1;
        double[] x = new double[rows.size() * d];
        int[] y = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] f = rows.get(r);
            int line = lines.get(r);
            if (f.length != w) {
                throw new DataException("ARFF " + source + ":" + line + ": expected " + w + " values, found " + f.length);
            }
            for (int j = 0, k = 0; j < w; j++) {
                String v = f[j];
                if (v.equals("?")) {
                    throw new DataException("ARFF " + source + ":" + line + ": missing value '?' for attribute '"
                            + attrs.get(j).name() + "' (missing values are not supported)");
                }
                if (j == ci) {
                    y[r] = cls.nominal().indexOf(v);
                    if (y[r] < 0) {
                        throw new DataException("ARFF " + source + ":" + line + ": class value '" + v
                                + "' is not one of " + cls.nominal());
                    }
                } else {
                    try {
                        x[r * d + k++] = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new DataException("ARFF " + source + ":" + line + ", attribute '" + attrs.get(j).name()
                                + "': '" + v + "' is not a number");
                    }
                }
            }
        }
        return Dataset.of(relation, Tensor.wrap(x, rows.size(), d), y, cls.nominal().size(), cls.nominal());
    }

    private static Attribute attribute(String rest, String source, int lineNo) {
        if (rest.isEmpty()) {
            throw new DataException("ARFF " + source + ":" + lineNo + ": @attribute needs a name and a type");
        }
        int end = nameEnd(rest);
        String name = unquote(rest.substring(0, end));
        String type = rest.substring(end).trim();
        if (type.isEmpty()) {
            throw new DataException("ARFF " + source + ":" + lineNo + ": attribute '" + name + "' has no type");
        }
        if (type.startsWith("{")) {
            if (!type.endsWith("}")) {
                throw new DataException("ARFF " + source + ":" + lineNo + ": nominal type of '" + name + "' lacks '}'");
            }
            List<String> values = tokens(type.substring(1, type.length() - 1), source, lineNo);
            if (values.isEmpty()) {
                throw new DataException("ARFF " + source + ":" + lineNo + ": nominal attribute '" + name
                        + "' has no values");
            }
            return new Attribute(name, values);
        }
        String tl = type.toLowerCase(Locale.ROOT);
        if (tl.equals("numeric") || tl.equals("real") || tl.equals("integer")) {
            return new Attribute(name, null);
        }
        throw new DataException("ARFF " + source + ":" + lineNo + ": attribute '" + name + "' has type '" + type
                + "'; supported: numeric, real, integer, or nominal {...}");
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** The index just after the (possibly quoted) attribute name at the start of {@code s}. */
    private static int nameEnd(String s) {
        char q = s.charAt(0);
        if (q == '\'' || q == '"') {
            int e = s.indexOf(q, 1);
            return e < 0 ? s.length() : e + 1;
        }
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '{') {
            i++;
        }
        return i;
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        char q = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == q) {
                    quoted = false;
                }
            } else if (c == '\'' || c == '"') {
                quoted = true;
                q = c;
            } else if (c == '%') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Splits at commas outside single or double quotes; tokens are trimmed and unquoted. */
    private static List<String> tokens(String s, String source, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        char q = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == q) {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if ((c == '\'' || c == '"') && cur.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                q = c;
                cur.setLength(0);
            } else if (c == ',') {
                out.add(wasQuoted ? cur.toString() : cur.toString().trim());
                cur.setLength(0);
                wasQuoted = false;
            } else if (!(wasQuoted && Character.isWhitespace(c))) {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new DataException("ARFF " + source + ":" + lineNo + ": unterminated quote");
        }
        if (!out.isEmpty() || wasQuoted || !cur.toString().isBlank()) {
            out.add(wasQuoted ? cur.toString() : cur.toString().trim());
        }
        return out;
    }
}
