package org.cityos.basedata;

import java.util.List;
import org.cityos.spatial.Crs;
import org.cityos.spatial.GeocodedAddress;
import org.cityos.spatial.Geocoder;
import org.cityos.spatial.StandardAddress;

/**
 * Links address text through the spatial context's in-memory geocoder: the best answer is taken when
 * its confidence reaches {@link #MIN_CONFIDENCE}; below, the record keeps its text and the parsed,
 * normalised form only (a wrong link would merge strangers, a missing one only costs a fuzzy compare).
 */
public final class GeocodingLinker implements AddressLinker {
    /** Below this the geocoder's best guess is not trusted as the same door. */
    public static final double MIN_CONFIDENCE = 0.8;

    private final Geocoder geocoder;

    public GeocodingLinker(Geocoder geocoder) {
        this.geocoder = geocoder;
    }

    @Override
    public AddressLink link(String text) {
        if (text == null || text.isBlank() || text.length() > Geocoder.MAX_TEXT) {
            return text == null || text.isBlank() ? null : AddressLink.unlinked(text, AddressText.normalise(text));
        }
        String clean = AddressText.withoutControls(text);
        StandardAddress parsed = geocoder.parse(clean);
        String canonical = parsed.road() != null ? parsed.text() : AddressText.normalise(clean);
        List<GeocodedAddress> best = geocoder.size() == 0 ? List.of() : geocoder.geocode(clean, 1, Crs.WGS84);
        if (best.isEmpty() || best.get(0).confidence() < MIN_CONFIDENCE) {
            return AddressLink.unlinked(text, canonical);
        }
        GeocodedAddress top = best.get(0);
        return new AddressLink(
                text, canonical, top.entry().id(), top.confidence(), top.entry().divisionCode());
    }
}
