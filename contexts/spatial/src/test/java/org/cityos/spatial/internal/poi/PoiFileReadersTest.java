package org.cityos.spatial.internal.poi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoiFileReadersTest {
    @TempDir
    Path dir;

    @Test
    void geoJsonFeaturesStreamOneByOne() throws IOException {
        Path file = dir.resolve("a.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","name":"x","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[116.5,39.7]},"properties":{"name":"甲","class":"park","open":true}},
                 {"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{"name":"乙"}}
                ]}
                """, StandardCharsets.UTF_8);
        List<PoiRow> rows = new ArrayList<>();
        new GeoJsonPoiReader().read(file, rows::add);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(PoiColumns.LON)).isEqualTo("116.5");
        assertThat(rows.get(0).get(PoiColumns.NAME)).isEqualTo("甲");
        assertThat(rows.get(0).extra()).containsEntry("open", true);
        assertThat(rows.get(1).readIssues()).extracting(i -> i.field()).containsExactly("geometry");
    }
}
