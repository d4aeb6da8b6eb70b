package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeocoderTest {
    static List<AddressEntry> entries;
    static Geocoder geocoder;

    @BeforeAll
    static void gazetteer() {
        entries = Gazetteer.synthesize(
                3, GeocodingFixture.network(), 3_000, GeocodingFixture.placer(), GeocodingFixture.DISTRICT);
        geocoder = Geocoder.inMemory(entries, GeocodingFixture.vocabulary(), GeocodingFixture.placer());
    }

    @Test
    void gazetteer_is_deterministic_unique_placed_and_synthetic() {
        List<AddressEntry> again = Gazetteer.synthesize(
                3, GeocodingFixture.network(), 3_000, GeocodingFixture.placer(), GeocodingFixture.DISTRICT);

        assertThat(entries).hasSize(3_000).isEqualTo(again);
        assertThat(entries.stream().map(AddressEntry::text).distinct().count()).isEqualTo(3_000);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.synthetic()).isTrue();
            assertThat(e.address().town()).isNotNull();
            assertThat(e.townCode()).startsWith("110115");
        });
        assertThat(entries.stream().filter(e -> e.address().unit() != null).count())
                .isGreaterThan(500);
        assertThat(entries.stream()
                        .filter(e ->
                                e.address().compound() != null && !e.address().courtyard()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.aliases()).isNotEmpty());
    }

    @Test
    void finds_an_address_with_its_point_in_the_requested_crs() {
        AddressEntry wanted = entries.get(1234);
        List<GeocodedAddress> wgs = geocoder.geocode(wanted.text(), 3, Crs.WGS84);
        List<GeocodedAddress> gcj = geocoder.geocode(wanted.text(), 3, Crs.GCJ02);

        assertThat(wgs.get(0).entry()).isEqualTo(wanted);
        assertThat(wgs.get(0).confidence()).isEqualTo(1.0);
        assertThat(wgs.get(0).point()).isEqualTo(wanted.point());
        assertThat(gcj.get(0).point()).isEqualTo(Crs.GCJ02.fromWgs84(wanted.point()));
        assertThat(wgs).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void a_wrong_character_in_the_road_still_finds_the_road_with_less_confidence() {
        AddressEntry wanted = entries.get(777);
        String road = wanted.address().road();
        String typo = wanted.text().replace(road, road.charAt(0) + "鑫" + road.substring(2));

        GeocodedAddress top = geocoder.geocode(typo, 1, Crs.WGS84).get(0);

        assertThat(top.entry().address().road()).isEqualTo(road);
        assertThat(top.confidence()).isLessThan(1.0).isGreaterThan(0.5);
    }

    @Test
    void nothing_recognisable_gives_no_answer() {
        assertThat(geocoder.geocode("完全不相干的文字", 5, Crs.WGS84)).isEmpty();
    }

    @Test
    void reverse_names_the_nearest_address_and_the_town() {
        AddressEntry wanted = entries.get(42);
        GeoPoint near =
                new GeoPoint(wanted.point().lon() + 0.00002, wanted.point().lat());

        GeocodedPlace place = geocoder.reverse(near.lon(), near.lat(), Crs.WGS84);

        assertThat(place.inside()).isTrue();
        assertThat(place.address()).contains(wanted);
        assertThat(place.distanceMetres()).isBetween(1.0, 3.0);
        assertThat(place.placement().town())
                .hasValueSatisfying(t -> assertThat(t.value()).isEqualTo(wanted.townCode()));
    }

    @Test
    void reverse_outside_the_district_is_an_answer() {
        GeocodedPlace place = geocoder.reverse(121.47, 31.23, Crs.WGS84);

        assertThat(place.inside()).isFalse();
        assertThat(place.address()).isEmpty();
    }

    @Test
    void swapped_coordinates_are_reported_with_the_corrected_pair() {
        assertThatThrownBy(() -> geocoder.reverse(39.7, 116.3, Crs.WGS84))
                .isInstanceOfSatisfying(CoordinatesSwapped.class, p -> {
                    assertThat(p.type()).isEqualTo("coordinates-swapped");
                    assertThat(p.args()).containsExactly(39.7, 116.3, 116.3, 39.7);
                });
    }

    @Test
    void bad_text_and_limits_are_invalid_input() {
        assertThatThrownBy(() -> geocoder.geocode(" ", 5, Crs.WGS84)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> geocoder.geocode("兴".repeat(201), 5, Crs.WGS84))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> geocoder.geocode("兴华路\u00008号", 5, Crs.WGS84)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> geocoder.geocode("兴华路8号", 0, Crs.WGS84)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> geocoder.reverse(200, 39.7, Crs.WGS84)).isInstanceOf(InvalidInput.class);
    }
}
