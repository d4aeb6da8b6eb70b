package org.cityos.basedata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A golden record: one person as the base database believes them to be, built from every source
 * record matched to them by the survivorship rules.
 *
 * @param id the smallest source record id of the cluster (stable while that record stays in it)
 * @param lineage field name → the source record its value came from
 * @param sources how many source records were merged into this one
 * @param synthetic true when any source was generated data
 */
public record Person(
        long id,
        String idNumber,
        String name,
        String gender,
        LocalDate birthDate,
        AddressLink household,
        AddressLink residence,
        String phone,
        String divisionCode,
        int sources,
        boolean synthetic,
        Map<String, Long> lineage,
        Instant resolvedAt) {
    public Person {
        lineage = Map.copyOf(lineage);
    }

    /** The fields a golden record carries, in the order the API shows them. */
    public static final java.util.List<String> FIELDS = java.util.List.of(
            "idNumber", "name", "gender", "birthDate", "householdAddress", "residenceAddress", "phone");
}
