/**
 * Self-contained HTML reports: {@link org.occam.lab.report.Section}s rendered by {@link org.occam.lab.report.Pages}, the claims block ({@link org.occam.lab.report.ClaimSections}) and the shared helpers of the sweep reports.
 */
package org.occam.lab.report;
