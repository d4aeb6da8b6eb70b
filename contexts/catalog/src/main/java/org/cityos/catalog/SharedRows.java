package org.cityos.catalog;

import java.util.List;
import java.util.Map;

/**
 * One page of shared data: only granted fields, only rows the grant's filter lets through.
 *
 * @param nextOffset where the next page starts, null on the last page
 */
public record SharedRows(
        String grantId,
        List<String> fields,
        List<Map<String, Object>> rows,
        int offset,
        int limit,
        Integer nextOffset) {}
