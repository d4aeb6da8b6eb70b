package org.cityos.basedata.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cityos.basedata.AddressLink;
import org.cityos.basedata.Person;
import org.cityos.basedata.SourcePerson;

/**
 * Which source wins each field of a golden record. Identity fields (ID number, name, gender, birth
 * date) and the household address come from the most authoritative department — public security keeps
 * the household register (户籍) — then the most recent; the residence address and the phone from the
 * most recent record that has one, since people move and change numbers; every field from a record
 * that has a value, so the golden record is the most complete. Ties go to the later row.
 */
public final class Survivorship {
    /** Department priority for identity fields; departments not named rank below all of these. */
    public static final Map<String, Integer> PRIORITY =
            Map.of("public-security", 100, "civil-affairs", 60, "human-resources", 50, "health", 40);

    private Survivorship() {}

    public static int priority(String department) {
        return PRIORITY.getOrDefault(department, 0);
    }

    private static final Comparator<SourcePerson> RECENT = Comparator.comparing(SourcePerson::recordedAt)
            .thenComparingLong(SourcePerson::batchId)
            .thenComparingInt(SourcePerson::row);

    private static final Comparator<SourcePerson> AUTHORITY =
            Comparator.<SourcePerson>comparingInt(p -> priority(p.department())).thenComparing(RECENT);

    /** The golden record of one cluster; {@code members} in any order, at least one. */
    public static Person golden(List<SourcePerson> members, Instant now) {
        Map<String, Long> lineage = new HashMap<>();
        SourcePerson idFrom = best(members, AUTHORITY, SourcePerson::idNumber);
        SourcePerson nameFrom = best(members, AUTHORITY, SourcePerson::name);
        SourcePerson genderFrom = best(members, AUTHORITY, SourcePerson::gender);
        SourcePerson birthFrom = best(members, AUTHORITY, SourcePerson::birthDate);
        SourcePerson householdFrom = best(members, AUTHORITY, SourcePerson::household);
        SourcePerson residenceFrom = best(members, RECENT, SourcePerson::residence);
        SourcePerson phoneFrom = best(members, RECENT, SourcePerson::phone);
        note(lineage, "idNumber", idFrom);
        note(lineage, "name", nameFrom);
        note(lineage, "gender", genderFrom);
        note(lineage, "birthDate", birthFrom);
        note(lineage, "householdAddress", householdFrom);
        note(lineage, "residenceAddress", residenceFrom);
        note(lineage, "phone", phoneFrom);
        AddressLink household = householdFrom == null ? null : householdFrom.household();
        AddressLink residence = residenceFrom == null ? null : residenceFrom.residence();
        long id = Long.MAX_VALUE;
        boolean synthetic = false;
        for (SourcePerson p : members) {
            id = Math.min(id, p.id());
            synthetic |= p.synthetic();
        }
        String division = household != null && household.divisionCode() != null
                ? household.divisionCode()
                : residence == null ? null : residence.divisionCode();
        return new Person(
                id,
                idFrom == null ? null : idFrom.idNumber(),
                nameFrom == null ? null : nameFrom.name(),
                genderFrom == null ? null : genderFrom.gender(),
                birthFrom == null ? null : birthFrom.birthDate(),
                household,
                residence,
                phoneFrom == null ? null : phoneFrom.phone(),
                division,
                members.size(),
                synthetic,
                lineage,
                now);
    }

    private static SourcePerson best(
            List<SourcePerson> members, Comparator<SourcePerson> order, Function<SourcePerson, ?> field) {
        SourcePerson best = null;
        for (SourcePerson p : members) {
            Object value = field.apply(p);
            if (value == null || (value instanceof String s && s.isEmpty())) {
                continue;
            }
            if (best == null || order.compare(p, best) > 0) {
                best = p;
            }
        }
        return best;
    }

    private static void note(Map<String, Long> lineage, String field, SourcePerson from) {
        if (from != null) {
            lineage.put(field, from.id());
        }
    }
}
