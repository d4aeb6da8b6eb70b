package org.cityos.catalog;

import java.util.List;

/**
 * The provider's answer to a sharing request.
 *
 * @param outcome APPROVED, NARROWED or REFUSED
 * @param fields for NARROWED: the fields granted, a subset of those asked
 * @param periodFrom for NARROWED: the first day granted, within the period asked ({@code periodTo} likewise)
 * @param reason why (required to narrow or refuse)
 */
public record ShareDecision(
        ShareStatus outcome, List<String> fields, String periodFrom, String periodTo, String reason) {}
