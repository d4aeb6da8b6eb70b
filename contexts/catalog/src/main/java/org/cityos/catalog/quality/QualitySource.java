package org.cityos.catalog.quality;

import java.util.Arrays;
import java.util.Optional;

/**
 * The allow-list of what quality reads: views the platform's migrations create ({@code quality_source_*}), or
 * the rows imported for the entry. Users choose by name; no SQL they type is ever run.
 */
public enum QualitySource {
    IMPORTED("imported", null),
    CATALOG_ENTRIES("catalog.entries", "quality_source_catalog_entries"),
    IOT_DEVICES("iot.devices", "quality_source_iot_devices"),
    CASEWORK_CASES("casework.cases", "quality_source_casework_cases"),
    DEPARTMENTS("identity.departments", "quality_source_departments");

    private final String sourceName;
    private final String view;

    QualitySource(String sourceName, String view) {
        this.sourceName = sourceName;
        this.view = view;
    }

    public String sourceName() {
        return sourceName;
    }

    /** The view read, null for imported rows. */
    String view() {
        return view;
    }

    public static Optional<QualitySource> named(String name) {
        return Arrays.stream(values()).filter(s -> s.sourceName.equals(name)).findFirst();
    }
}
