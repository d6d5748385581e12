/** MM-1: max-margin limits of linear classifiers under GD and sign descent (docs/max-margin.md). */
package org.occam.lab.mm;
