package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Top-1 accuracy of forward geocoding on noisy queries drawn from a synthetic gazetteer. */
class GeocodingAccuracyTest {

    @Test
    void finds_the_written_address_first_for_at_least_95_percent_of_noisy_queries() {
        // -Dcityos.geocoding.addresses=180000 -Dcityos.geocoding.queries=10000 for a seed-scale run.
        int size = Integer.getInteger("cityos.geocoding.addresses", 20_000);
        int count = Integer.getInteger("cityos.geocoding.queries", 2_000);
        List<AddressEntry> entries = Gazetteer.synthesize(
                7, GeocodingFixture.network(), size, GeocodingFixture.placer(), GeocodingFixture.DISTRICT);
        Geocoder geocoder = Geocoder.inMemory(entries, GeocodingFixture.vocabulary(), GeocodingFixture.placer());
        GeocodingNoise noise = new GeocodingNoise(11, GeocodingFixture.CITY);
        SplittableRandom pick = new SplittableRandom(13);
        List<GeocodingNoise.NoisyQuery> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queries.add(noise.write(entries.get(pick.nextInt(entries.size()))));
        }

        queries.stream().limit(500).forEach(q -> geocoder.geocode(q.text(), 1, Crs.WGS84));
        int right = 0;
        int exact = 0;
        List<String> misses = new ArrayList<>();
        long started = System.nanoTime();
        for (GeocodingNoise.NoisyQuery q : queries) {
            List<GeocodedAddress> found = geocoder.geocode(q.text(), 1, Crs.WGS84);
            AddressEntry top = found.isEmpty() ? null : found.get(0).entry();
            if (q.isAnsweredBy(top)) {
                right++;
            } else if (misses.size() < 15) {
                misses.add(q.text() + " -> " + (top == null ? "nothing" : top.text()) + " (wanted "
                        + q.source().text() + ")");
            }
            exact += top != null && top.id() == q.source().id() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double accuracy = right / (double) queries.size();
        System.out.printf(
                "geocoding: %d addresses, top-1 %.4f (strict id match %.4f), %.0f queries/s single thread%n",
                entries.size(), accuracy, exact / (double) queries.size(), queries.size() / seconds);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
    }
}
