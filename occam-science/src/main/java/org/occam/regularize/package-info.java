/** Explicit regularizers and the modified losses of backward error analysis. */
package org.occam.regularize;
