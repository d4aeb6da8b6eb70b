package org.cityos.basedata.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cityos.basedata.Organisation;
import org.cityos.basedata.SourceOrganisation;

/**
 * The golden record of one credit code: market regulation (the registrar) first, then tax and statistics,
 * for name, legal representative, industry and status; the newest record for the address; empty values never
 * win; each field's source kept as lineage.
 */
public final class OrganisationSurvivorship {
    /** Department priority for registration facts. */
    static final Map<String, Integer> PRIORITY = Map.of("market-regulation", 100, "tax", 60, "statistics", 50);

    private OrganisationSurvivorship() {}

    public static Organisation golden(List<SourceOrganisation> members, Instant now) {
        Comparator<SourceOrganisation> recent = Comparator.comparing(SourceOrganisation::recordedAt)
                .thenComparingLong(SourceOrganisation::batchId)
                .thenComparingInt(SourceOrganisation::row);
        Comparator<SourceOrganisation> authority = Comparator.<SourceOrganisation>comparingInt(
                        o -> PRIORITY.getOrDefault(o.department(), 0))
                .thenComparing(recent);
        Map<String, Long> lineage = new HashMap<>();
        SourceOrganisation name = best(members, authority, SourceOrganisation::name, "name", lineage);
        SourceOrganisation rep =
                best(members, authority, SourceOrganisation::legalRepresentative, "legalRepresentative", lineage);
        SourceOrganisation address = best(members, recent, SourceOrganisation::address, "address", lineage);
        SourceOrganisation industry = best(members, authority, SourceOrganisation::industry, "industry", lineage);
        SourceOrganisation status = best(members, authority, SourceOrganisation::status, "status", lineage);
        SourceOrganisation code = best(members, authority, SourceOrganisation::creditCode, "creditCode", lineage);
        long id = members.stream().mapToLong(SourceOrganisation::id).min().orElseThrow();
        return new Organisation(
                id,
                code == null ? null : code.creditCode(),
                name.name(),
                rep == null ? null : rep.legalRepresentative(),
                address == null ? null : address.address(),
                industry == null ? null : industry.industry(),
                status == null ? null : status.status(),
                members.size(),
                members.stream().anyMatch(SourceOrganisation::synthetic),
                lineage,
                now);
    }

    private static SourceOrganisation best(
            List<SourceOrganisation> members,
            Comparator<SourceOrganisation> order,
            Function<SourceOrganisation, ?> field,
            String fieldName,
            Map<String, Long> lineage) {
        SourceOrganisation best = null;
        for (SourceOrganisation o : members) {
            if (field.apply(o) != null && (best == null || order.compare(o, best) > 0)) {
                best = o;
            }
        }
        if (best != null) {
            lineage.put(fieldName, best.id());
        }
        return best;
    }
}
