package org.cityos.basedata;

/**
 * An address as a department wrote it, tied to the spatial context's standard address where the
 * geocoder is sure enough. {@code canonical} is the parsed, normalised text (prefixes, numerals and
 * punctuation aligned), so two writings of one door compare equal even when neither was linked.
 *
 * @param addressId the standard address, or null when the geocoder found none above the threshold
 * @param confidence the geocoder's confidence in {@code addressId} (0 when unlinked)
 * @param divisionCode the deepest division of the linked address (null when unlinked)
 */
public record AddressLink(String text, String canonical, Long addressId, double confidence, String divisionCode) {
    public static AddressLink unlinked(String text, String canonical) {
        return new AddressLink(text, canonical, null, 0, null);
    }

    public boolean linked() {
        return addressId != null;
    }
}
