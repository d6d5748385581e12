/**
 * MT-1 of METHODS §11: task-gradient conflict in multitask and continual learning ({@link org.occam.lab.mt.Mt1}), claims over seeds and the report.
 */
package org.occam.lab.mt;
