/** Points of interest: validation, the metric projection behind KNN, Chinese name search, streamed file import and export. */
package org.cityos.spatial.internal.poi;
