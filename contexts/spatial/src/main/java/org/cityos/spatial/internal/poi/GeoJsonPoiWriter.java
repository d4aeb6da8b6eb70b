package org.cityos.spatial.internal.poi;

import java.io.OutputStream;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Poi;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** A GeoJSON FeatureCollection written feature by feature; properties carry the CSV columns. */
final class GeoJsonPoiWriter implements PoiFileWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonGenerator json;
    private final String crs;

    GeoJsonPoiWriter(OutputStream out, String crs) {
        this.crs = crs;
        this.json = JSON.createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeStringProperty("type", "FeatureCollection");
        json.writeName("features");
        json.writeStartArray();
    }

    @Override
    public void write(Poi p, GeoPoint shown, String className) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeStringProperty("id", p.id().toString());
        json.writeName("geometry");
        json.writeStartObject();
        json.writeStringProperty("type", "Point");
        json.writeName("coordinates");
        json.writeStartArray();
        json.writeNumber(shown.lon());
        json.writeNumber(shown.lat());
        json.writeEndArray();
        json.writeEndObject();
        json.writeName("properties");
        json.writeStartObject();
        optional("external_id", p.externalId());
        json.writeStringProperty("name", p.name());
        json.writeStringProperty("class", p.classCode());
        optional("class_name", className);
        json.writeStringProperty("crs", crs);
        optional("address", p.address());
        optional("phone", p.phone());
        json.writeStringProperty("division_code", p.division().value());
        optional("grid_code", p.grid() == null ? null : p.grid().value());
        json.writeBooleanProperty("synthetic", p.synthetic());
        for (Map.Entry<String, Object> a : p.attributes().entrySet()) {
            if (!PoiFileWriter.COLUMNS.contains(a.getKey())) {
                json.writePOJOProperty(a.getKey(), a.getValue());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void optional(String name, String value) {
        if (value != null) {
            json.writeStringProperty(name, value);
        }
    }

    @Override
    public void close() {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }
}
