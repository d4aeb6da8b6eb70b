package org.cityos.catalog;

import java.util.List;

/**
 * A department's request to use a catalogued resource.
 *
 * @param requestingDepartment the department that will use the data (one of the requester's own)
 * @param fields the data items asked for, by field name
 * @param periodFrom first day of use (ISO date); {@code periodTo} the last
 */
public record ShareDraft(
        String resourceCode,
        String requestingDepartment,
        String purpose,
        List<String> fields,
        String periodFrom,
        String periodTo) {}
