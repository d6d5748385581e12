package org.occam.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader: comma-separated fields, double quotes around fields that hold
 * commas, quotes ("" inside) or line breaks. The first record is the header; every other record
 * must have as many fields.
 */
final class Csv {
    private Csv() {
    }

    /**
     * Header first, then the data records; blank lines are skipped.
     *
     * @throws ReportException naming the file and line of a ragged record or an unclosed quote
     */
    static List<List<String>> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || f.length() > 0) {
                    fields.add(f.toString());
                    add(records, fields, file, recordLine);
                }
                fields = new ArrayList<>();
                f.setLength(0);
                any = false;
                line++;
                recordLine = line;
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            throw new ReportException(file + " line " + recordLine + ": a quoted field is never closed");
        }
        if (any || f.length() > 0) {
            fields.add(f.toString());
            add(records, fields, file, recordLine);
        }
        return records;
    }

    private static void add(List<List<String>> records, List<String> fields, Path file, int line) {
        if (!records.isEmpty() && fields.size() != records.getFirst().size()) {
            throw new ReportException(file + " line " + line + ": " + fields.size() + " fields, but the header has "
                    + records.getFirst().size());
        }
        records.add(List.copyOf(fields));
    }
}
