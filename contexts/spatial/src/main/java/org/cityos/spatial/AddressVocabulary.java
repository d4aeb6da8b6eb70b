package org.cityos.spatial;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The place names an address parser recognises, taken from the division data of the deployment:
 * the city names people may prefix, the district, its towns and communities. Short forms
 * (旧宫 for 旧宫地区) are derived, never listed by hand.
 */
public record AddressVocabulary(
        List<String> cityNames, String districtName, List<String> townNames, List<String> communityNames) {
    public AddressVocabulary {
        cityNames = cityNames == null ? List.of() : List.copyOf(cityNames);
        townNames = townNames == null ? List.of() : List.copyOf(townNames);
        communityNames = communityNames == null ? List.of() : List.copyOf(communityNames);
    }

    /** The names used by a set of gazetteer entries, joined with the given ones. */
    public AddressVocabulary including(Collection<AddressEntry> entries) {
        Set<String> towns = new LinkedHashSet<>(townNames);
        Set<String> communities = new LinkedHashSet<>(communityNames);
        String district = districtName;
        for (AddressEntry e : entries) {
            if (e.address().town() != null) {
                towns.add(e.address().town());
            }
            if (e.address().community() != null) {
                communities.add(e.address().community());
            }
            if (district == null) {
                district = e.address().district();
            }
        }
        return new AddressVocabulary(cityNames, district, new ArrayList<>(towns), new ArrayList<>(communities));
    }
}
