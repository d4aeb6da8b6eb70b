package org.cityos.spatial.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.PoiDraft;

/** The body of POST/PUT /api/pois; coordinates in {@code crs} (WGS84 when absent). */
public record PoiRequest(
        String classCode,
        String name,
        Double lon,
        Double lat,
        String crs,
        String address,
        String phone,
        Map<String, Object> attributes,
        String externalId,
        Integer version) {

    PoiDraft draft() {
        List<FieldIssue> issues = new ArrayList<>();
        if (lon == null) {
            issues.add(new FieldIssue("lon", "validation.required"));
        }
        if (lat == null) {
            issues.add(new FieldIssue("lat", "validation.required"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        GeoPoint wgs84 = PoiParams.crs(crs).toWgs84(new GeoPoint(lon, lat));
        return new PoiDraft(classCode, name, wgs84, address, phone, attributes, externalId);
    }

    Crs shownIn() {
        return PoiParams.crs(crs);
    }
}
