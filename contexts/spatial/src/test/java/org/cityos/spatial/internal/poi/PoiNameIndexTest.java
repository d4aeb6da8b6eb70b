package org.cityos.spatial.internal.poi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Poi;
import org.cityos.spatial.PoiId;
import org.junit.jupiter.api.Test;

class PoiNameIndexTest {
    private static final String WEST = "110115001000";
    private static final String EAST = "110115002000";

    @Test
    void chineseWordsFindLongerNames() {
        try (PoiNameIndex index = new PoiNameIndex()) {
            Poi hospital = poi("大兴区人民医院", "hospital", WEST);
            Poi clinic = poi("旧宫社区卫生服务中心", "hospital", EAST);
            Poi canteen = poi("人民食堂", "restaurant", EAST);
            index.replaceAll(List.of(hospital, clinic, canteen));

            assertThat(index.words("大兴区人民医院")).contains("医院", "人民");
            assertThat(ids(index.search("医院", null, null, null, 0, 10)))
                    .containsExactly(hospital.id().value());
            assertThat(ids(index.search("人民", null, null, null, 0, 10)))
                    .containsExactlyInAnyOrder(
                            hospital.id().value(), canteen.id().value());
            assertThat(ids(index.search("人民", "restaurant", null, null, 0, 10)))
                    .containsExactly(canteen.id().value());
            assertThat(ids(index.search("人民", null, null, List.of("110115002"), 0, 10)))
                    .containsExactly(canteen.id().value());
            assertThat(ids(index.search("卫生服务", null, "110115002", null, 0, 10)))
                    .containsExactly(clinic.id().value());
            assertThat(index.search("人民", null, null, List.of(), 0, 10).total()).isZero();
        }
    }

    @Test
    void putReplacesAndRemoveForgets() {
        try (PoiNameIndex index = new PoiNameIndex()) {
            Poi park = poi("翠湖公园", "park", WEST);
            index.put(List.of(park));
            Poi renamed = new Poi(
                    park.id(),
                    "park",
                    "锦绣湿地",
                    park.location(),
                    park.division(),
                    null,
                    null,
                    null,
                    Map.of(),
                    null,
                    false,
                    "test",
                    1,
                    park.createdAt(),
                    park.updatedAt());
            index.put(List.of(renamed));
            assertThat(index.size()).isEqualTo(1);
            assertThat(index.search("公园", null, null, null, 0, 10).total()).isZero();
            assertThat(index.search("湿地", null, null, null, 0, 10).total()).isEqualTo(1);
            index.remove(List.of(park.id()));
            assertThat(index.size()).isZero();
        }
    }

    private static List<UUID> ids(PoiNameIndex.Result r) {
        return r.ids();
    }

    private static Poi poi(String name, String classCode, String division) {
        return new Poi(
                PoiId.random(),
                classCode,
                name,
                new GeoPoint(116.3, 39.7),
                DivisionCode.of(division),
                null,
                null,
                null,
                Map.of(),
                null,
                false,
                "test",
                0,
                Instant.EPOCH,
                Instant.EPOCH);
    }
}
