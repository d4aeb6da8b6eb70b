package org.cityos.catalog;

import java.util.List;

/**
 * The provider's answer to a sharing request, and the terms of the grant when it grants.
 *
 * @param outcome APPROVED, NARROWED or REFUSED
 * @param fields for NARROWED: the fields granted, a subset of those asked
 * @param periodFrom for NARROWED: the first day granted, within the period asked ({@code periodTo} likewise)
 * @param reason why (required to narrow or refuse)
 * @param rowColumn with {@code rowValues}: a data item of the resource; only rows holding one of the values are
 *     served (null: all rows)
 * @param callsPerDay the daily quota (null: {@value ShareTerms#DEFAULT_PER_DAY})
 * @param callsPerSecond the rate limit (null: {@value ShareTerms#DEFAULT_PER_SECOND})
 */
public record ShareDecision(
        ShareStatus outcome,
        List<String> fields,
        String periodFrom,
        String periodTo,
        String reason,
        String rowColumn,
        List<String> rowValues,
        Integer callsPerDay,
        Integer callsPerSecond) {

    public ShareDecision(ShareStatus outcome, List<String> fields, String periodFrom, String periodTo, String reason) {
        this(outcome, fields, periodFrom, periodTo, reason, null, null, null, null);
    }
}
