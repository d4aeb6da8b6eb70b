/** Casework: every hotline call, public request, grid report and alarm becomes a case worked to closure, on time. */
package org.cityos.casework;
