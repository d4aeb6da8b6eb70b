/** The synthetic district and its load generator (issue 8); a placeholder module until then. */
package org.cityos.simulator;
