package org.cityos.basedata;

import java.util.List;
import java.util.Set;
import org.cityos.basedata.internal.Masking;

/**
 * A golden record as a reader may see it: each field group masked unless unmasked for this read.
 * Built only by {@link People}, which checks the reader's right to each group and audits the read.
 *
 * @param unmasked the groups shown in full in this view
 */
public record PersonView(
        long id,
        String idNumber,
        String name,
        String gender,
        String birthDate,
        Address householdAddress,
        Address residenceAddress,
        String phone,
        String divisionCode,
        int sources,
        boolean synthetic,
        Set<FieldGroup> unmasked) {

    /** An address shown: the standard address id is hidden with the text, since it names the same door. */
    public record Address(String text, Long addressId, double confidence) {}

    static PersonView of(Person p, Set<FieldGroup> unmasked) {
        boolean identity = unmasked.contains(FieldGroup.IDENTITY);
        boolean address = unmasked.contains(FieldGroup.ADDRESS);
        boolean contact = unmasked.contains(FieldGroup.CONTACT);
        String birth = p.birthDate() == null ? null : p.birthDate().toString();
        return new PersonView(
                p.id(),
                identity ? p.idNumber() : Masking.idNumber(p.idNumber()),
                identity ? p.name() : Masking.name(p.name()),
                p.gender(),
                identity ? birth : Masking.birthDate(birth),
                address(p.household(), address),
                address(p.residence(), address),
                contact ? p.phone() : Masking.phone(p.phone()),
                p.divisionCode(),
                p.sources(),
                p.synthetic(),
                Set.copyOf(unmasked));
    }

    static Address address(AddressLink a, boolean shown) {
        if (a == null) {
            return null;
        }
        return shown
                ? new Address(a.text(), a.addressId(), a.confidence())
                : new Address(Masking.address(a.text()), null, a.confidence());
    }

    /** The fields of {@code groups}, for the audit entry of an unmasked read. */
    static List<String> fieldsOf(Set<FieldGroup> groups) {
        return groups.stream().flatMap(g -> g.fields().stream()).toList();
    }
}
