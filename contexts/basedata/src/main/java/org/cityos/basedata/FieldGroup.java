package org.cityos.basedata;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Personal fields are unmasked by group, not one by one: a group is what a task needs together (a
 * social worker needs addresses and contact, not ID numbers). PII_UNMASK opens every group; a grant
 * ({@link UnmaskGrant}) opens one group for one user until it expires.
 */
public enum FieldGroup {
    /** ID number, name, birth date. */
    IDENTITY(List.of("idNumber", "name", "birthDate")),
    /** Phone number. */
    CONTACT(List.of("phone")),
    /** Household and residence addresses. */
    ADDRESS(List.of("householdAddress", "residenceAddress"));

    private final List<String> fields;

    FieldGroup(List<String> fields) {
        this.fields = fields;
    }

    public List<String> fields() {
        return fields;
    }

    /** {@code "true"} or {@code "all"} → every group; {@code "identity,address"} → those; empty → none. */
    public static Set<FieldGroup> parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("false")) {
            return EnumSet.noneOf(FieldGroup.class);
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("all")) {
            return EnumSet.allOf(FieldGroup.class);
        }
        Set<FieldGroup> out = EnumSet.noneOf(FieldGroup.class);
        for (String part : text.split(",")) {
            try {
                out.add(FieldGroup.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("unmask", "problem.unknown-field-group", part.strip());
            }
        }
        return out;
    }
}
