package org.occam.lab.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: a reproduction's report folder holds the page, the summary, the CSV and the named charts. */
public final class ReportChecks {
    private ReportChecks() {
    }

    /** Checks report.html, summary.txt, results.csv and NAME.png for each chart. */
    public static void assertReport(Path dir, String... charts) throws Exception {
        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("Claims over seeds") && page.contains("95 % interval") && page.contains("data:image/png;base64"),
                "report");
        assertTrue(Files.readString(dir.resolve("summary.txt")).contains("claim:"));
        assertTrue(Files.size(dir.resolve("results.csv")) > 0);
        assertTrue(Files.size(dir.resolve("claim_01.png")) > 1000, "the first claim's error-bar chart");
        for (String c : charts) {
            assertTrue(Files.size(dir.resolve(c + ".png")) > 1000, c + ".png");
        }
    }
}
