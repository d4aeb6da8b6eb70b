package org.cityos.basedata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A golden record of the legal-entity base: one organisation per credit code, fields chosen by
 * survivorship, each with its source ({@code lineage}: field → source record id).
 */
public record Organisation(
        long id,
        String creditCode,
        String name,
        String legalRepresentative,
        AddressLink address,
        String industry,
        String status,
        int sources,
        boolean synthetic,
        Map<String, Long> lineage,
        Instant resolvedAt) {
    public Organisation {
        lineage = Map.copyOf(lineage);
    }

    public static final List<String> FIELDS =
            List.of("creditCode", "name", "legalRepresentative", "address", "industry", "status");
}
