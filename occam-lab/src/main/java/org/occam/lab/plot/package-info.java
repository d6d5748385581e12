/**
 * Charts on XChart (PNG and SVG): line, scatter, heatmap, contour and claim (error-bar) plots with one theme.
 */
package org.occam.lab.plot;
