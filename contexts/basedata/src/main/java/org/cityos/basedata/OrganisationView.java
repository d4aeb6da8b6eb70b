package org.cityos.basedata;

import java.util.Set;
import org.cityos.basedata.internal.Masking;

/**
 * An organisation as a reader sees it. Registration facts are public; the legal representative is a
 * person, so the name is masked unless the identity group is unmasked (and the read audited).
 */
public record OrganisationView(
        long id,
        String creditCode,
        String name,
        String legalRepresentative,
        PersonView.Address address,
        String industry,
        String status,
        int sources,
        boolean synthetic,
        Set<FieldGroup> unmasked) {

    static OrganisationView of(Organisation o, Set<FieldGroup> unmasked) {
        boolean identity = unmasked.contains(FieldGroup.IDENTITY);
        AddressLink a = o.address();
        return new OrganisationView(
                o.id(),
                o.creditCode(),
                o.name(),
                identity ? o.legalRepresentative() : Masking.name(o.legalRepresentative()),
                a == null ? null : new PersonView.Address(a.text(), a.addressId(), a.confidence()),
                o.industry(),
                o.status(),
                o.sources(),
                o.synthetic(),
                Set.copyOf(unmasked));
    }
}
