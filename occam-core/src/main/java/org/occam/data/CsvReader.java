package org.occam.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.occam.tensor.Tensor;

/**
 * Reads classification data from CSV (raw or gzipped), features as float64 and one integer or
 * named class label per row. Three layouts (see {@link Format}):
 * <ul>
 *   <li>scikit-learn's: a first line {@code n_samples,n_features,class names…}, then rows of
 *       features with the integer label last (iris.csv, wine_data.csv, breast_cancer.csv);</li>
 *   <li>headerless: rows of numbers with the integer label last (digits.csv.gz);</li>
 *   <li>a header line of column names, one of which (by default the last) holds the label, either
 *       integers or names (names become classes in sorted order).</li>
 * </ul>
 * Blank lines are skipped; fields may be double-quoted. Features must be finite (NaN, Infinity,
 * nan, inf… are refused) and labels below {@link Dataset#MAX_CLASSES}. Errors name the source,
 * line and column.
 */
public final class CsvReader {
    private CsvReader() {}

    /** The CSV layout. */
    public enum Format {
        /** Decide from the first line: sklearn header, all-numeric (headerless), else a header. */
        AUTO,
        /** scikit-learn's layout: {@code n_samples,n_features,class names…}, then features and the integer label. */
        SKLEARN,
        /** Rows of numbers, the integer label last. */
        HEADERLESS,
        /** A header line of column names; the label column holds integers or class names. */
        HEADER
    }

    /**
     * Reads a file, detecting the layout; the label is the last column.
     *
     * @param file a CSV file, optionally gzipped
     * @return the data set, named after the file
     */
    public static Dataset read(Path file) {
        return read(file, Format.AUTO, null);
    }

    /**
     * Reads a file with a header line, taking the label from the named column.
     *
     * @param file a CSV file with a header line
     * @param labelColumn the column holding the label
     * @return the data set, named after the file
     */
    public static Dataset read(Path file, String labelColumn) {
        return read(file, Format.HEADER, labelColumn);
    }

    /**
     * Reads a file in the given layout ({@code labelColumn}: HEADER only; null means the last column).
     *
     * @param file a CSV file
     * @param format its layout
     * @param labelColumn the label column (HEADER only), or null for the last
     * @return the data set, named after the file
     */
    public static Dataset read(Path file, Format format, String labelColumn) {
        try (InputStream in = Inputs.open(file)) {
            return read(in, file.toString(), format, labelColumn);
        } catch (IOException e) {
            throw new DataException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream (gunzipped if needed; closed afterwards). {@code source} names it in errors,
     * and its base name (without .csv/.gz) names the data set.
     *
     * @param in the CSV bytes
     * @param source the file's name
     * @param format its layout
     * @param labelColumn the label column (HEADER only), or null for the last
     * @return the data set
     */
    public static Dataset read(InputStream in, String source, Format format, String labelColumn) {
        List<Row> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : Inputs.lines(in, source)) {
            lineNo++;
            if (!line.isBlank()) {
                rows.add(new Row(lineNo, split(line, source, lineNo)));
            }
        }
        if (rows.isEmpty()) {
            throw new DataException("CSV " + source + " is empty");
        }
        Format f = format == Format.AUTO ? detect(rows) : format;
        String name = Inputs.baseName(source);
        return switch (f) {
            case SKLEARN -> sklearn(rows, source, name);
            case HEADERLESS -> numeric(rows, source, name, List.of(), -1);
            case HEADER -> header(rows, source, name, labelColumn);
            case AUTO -> throw new AssertionError();
        };
    }

    private record Row(int line, String[] fields) {}

    private static Format detect(List<Row> rows) {
        String[] first = rows.get(0).fields();
        if (first.length >= 2 && isInt(first[0]) && isInt(first[1]) && rows.size() > 1
                && Integer.parseInt(first[0].trim()) == rows.size() - 1
                && rows.get(1).fields().length == Integer.parseInt(first[1].trim()) + 1) {
            return Format.SKLEARN;
        }
        for (String s : first) {
            if (!isNumber(s)) {
                return Format.HEADER;
            }
        }
        return Format.HEADERLESS;
    }

    private static Dataset sklearn(List<Row> rows, String source, String name) {
        String[] h = rows.get(0).fields();
        if (h.length < 2 || !isInt(h[0]) || !isInt(h[1])) {
            throw new DataException("CSV " + source + ":" + rows.get(0).line()
                    + ": expected the scikit-learn header 'n_samples,n_features,class names...'");
        }
        int n = Integer.parseInt(h[0].trim());
        int d = Integer.parseInt(h[1].trim());
        List<String> names = new ArrayList<>();
        for (int i = 2; i < h.length; i++) {
            names.add(h[i].trim());
        }
        List<Row> data = rows.subList(1, rows.size());
        if (data.size() != n) {
            throw new DataException("CSV " + source + ": the header announces " + n + " samples but " + data.size()
                    + " rows follow");
        }
        return numeric(data, source, name, names, d + 1);
    }

    /** Rows of numbers with the integer label last; width -1 means "as the first row". */
    private static Dataset numeric(List<Row> rows, String source, String name, List<String> classNames, int width) {
        int w = width > 0 ? width : rows.get(0).fields().length;
        if (w < 2) {
            throw new DataException("CSV " + source + ": rows need at least one feature and a label, found " + w + " field");
        }
        int d = w - 1;
        double[] x = new double[rows.size() * d];
        int[] y = new int[rows.size()];
        int max = -1;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            checkWidth(row, w, source);
            for (int j = 0; j < d; j++) {
                x[r * d + j] = number(row, j, "column " + (j + 1), source);
            }
            y[r] = label(row, d, source);
            max = Math.max(max, y[r]);
        }
        int k = classNames.isEmpty() ? max + 1 : classNames.size();
        if (max >= k) {
            throw new DataException("CSV " + source + ": label " + max + " is not below the " + k + " class names "
                    + classNames);
        }
        return Dataset.of(name, Tensor.wrap(x, rows.size(), d), y, k, classNames);
    }

    private static Dataset header(List<Row> rows, String source, String name, String labelColumn) {
        String[] cols = rows.get(0).fields();
        int w = cols.length;
        int li = w - 1;
        if (labelColumn != null) {
            li = -1;
            for (int j = 0; j < w; j++) {
                if (cols[j].trim().equals(labelColumn)) {
                    li = j;
                }
            }
            if (li < 0) {
                throw new DataException("CSV " + source + " has no column named '" + labelColumn + "'; its columns are "
                        + List.of(cols));
            }
        }
        List<Row> data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            throw new DataException("CSV " + source + " has a header but no data rows");
        }
        int d = w - 1;
        double[] x = new double[data.size() * d];
        String[] raw = new String[data.size()];
        boolean allInt = true;
        for (int r = 0; r < data.size(); r++) {
            Row row = data.get(r);
            checkWidth(row, w, source);
            for (int j = 0, k = 0; j < w; j++) {
                if (j != li) {
                    x[r * d + k++] = number(row, j, "column '" + cols[j].trim() + "'", source);
                }
            }
            raw[r] = row.fields()[li].trim();
            allInt &= isIntegral(raw[r]);
        }
        int[] y = new int[data.size()];
        List<String> names = new ArrayList<>();
        int k = 0;
        if (allInt) {
            for (int r = 0; r < y.length; r++) {
                y[r] = label(data.get(r), li, source);
                k = Math.max(k, y[r] + 1);
            }
        } else {
            names.addAll(new TreeSet<>(List.of(raw)));
            for (int r = 0; r < y.length; r++) {
                y[r] = names.indexOf(raw[r]);
            }
            k = names.size();
        }
        return Dataset.of(name, Tensor.wrap(x, data.size(), d), y, k, names);
    }

    private static void checkWidth(Row row, int w, String source) {
        if (row.fields().length != w) {
            throw new DataException("CSV " + source + ":" + row.line() + ": expected " + w + " fields, found "
                    + row.fields().length);
        }
    }

    private static double number(Row row, int j, String column, String source) {
        String s = row.fields()[j].trim();
        Double v = parse(s);
        if (v == null) {
            throw new DataException("CSV " + source + ":" + row.line() + ", " + column + ": '" + s + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new DataException("CSV " + source + ":" + row.line() + ", " + column + ": '" + s + "' is not a finite"
                    + " number; features must be finite: remove or impute the value");
        }
        return v;
    }

    private static int label(Row row, int j, String source) {
        String s = row.fields()[j].trim();
        if (!isIntegral(s)) {
            throw new DataException("CSV " + source + ":" + row.line() + ": label '" + s
                    + "' is not a non-negative integer class index");
        }
        double v = parse(s);
        if (v >= Dataset.MAX_CLASSES) {
            throw new DataException("CSV " + source + ":" + row.line() + ": label " + s + " is too large: class indices"
                    + " must be below " + Dataset.MAX_CLASSES + " (labels are class indices 0..K-1)");
        }
        return (int) v;
    }

    private static boolean isInt(String s) {
        return s.trim().matches("\\d{1,9}");
    }

    private static boolean isIntegral(String s) {
        Double v = parse(s);
        return v != null && v >= 0 && v == Math.rint(v) && v < Integer.MAX_VALUE;
    }

    private static boolean isNumber(String s) {
        return parse(s) != null;
    }

    /**
     * The value of a numeric field, or null when it is not one. Java's spellings NaN and Infinity
     * parse; so do nan, inf and infinity in any case (as NaN, to be refused as non-finite).
     */
    private static Double parse(String s) {
        String t = s.trim();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return NON_FINITE.matcher(t).matches() ? Double.NaN : null;
        }
    }

    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** Splits a CSV line at commas outside double quotes; "" inside quotes is a literal quote. */
    static String[] split(String line, String source, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new DataException("CSV " + source + ":" + lineNo + ": unterminated double quote");
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }
}
