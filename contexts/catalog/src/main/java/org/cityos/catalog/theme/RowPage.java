package org.cityos.catalog.theme;

import java.util.List;
import java.util.Map;

/**
 * One page of a theme table's rows.
 *
 * @param next the cursor of the following page when reading in key order and the page is full, else null
 * @param nextOffset the offset of the following page when the page is full, else null
 */
public record RowPage(List<Map<String, Object>> rows, String next, Integer nextOffset) {}
